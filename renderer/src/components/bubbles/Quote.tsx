import type { Message, ReplyTo } from '../../../../main/contract/model';
import { useAppState } from '../../state/context';
import { messageGist, useConversationActions } from './conversation-actions';

/** The message a reply quotes, above the bubble; a click goes to it in the conversation. */
export function Quote({ message, replyTo }: { message: Message; replyTo: ReplyTo }) {
  const actions = useConversationActions();
  const quoted = useAppState((s) =>
    replyTo.messageId === null ? undefined : s.conversation?.messages.find((m) => m.id === replyTo.messageId),
  );
  if (replyTo.messageId === null) {
    return <p className="bubble-quote missing">Replying to a message not in this history</p>;
  }
  const targetId = replyTo.messageId;
  const who = quoted ? (quoted.direction === 'inbound' ? 'Customer' : 'You') : 'Earlier message';
  return (
    <button
      type="button"
      className="bubble-quote"
      aria-label={`Go to the quoted message${quoted ? `: ${messageGist(quoted)}` : ''}`}
      // Not held right now: opened around this reply, which comes after it.
      onClick={() => actions?.jumpTo({ id: targetId, at: quoted?.at ?? message.at })}
    >
      <span className="bubble-quote-who">{who}</span>
      <span className="bubble-quote-text" dir="auto">
        {quoted ? messageGist(quoted) : 'Show the quoted message'}
      </span>
    </button>
  );
}
