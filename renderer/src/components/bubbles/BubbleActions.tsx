import { useState } from 'react';
import { CornerUpLeft, SmilePlus } from 'lucide-react';
import type { Message } from '../../../../main/contract/model';
import { QUICK_REACTIONS } from '../../../../main/domain/reply-rules';
import { useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { useConversationActions } from './conversation-actions';

/** The current reactions on a message (one per side, replaced when changed), under the bubble. */
export function ReactionMarks({ message }: { message: Message }) {
  if (!message.reactions || message.reactions.length === 0) return null;
  return (
    <p className="bubble-reactions">
      {message.reactions.map((mark) => (
        <span
          key={mark.by}
          className={`reaction-mark ${mark.by}`}
          role="img"
          aria-label={`${mark.by === 'customer' ? 'Customer' : 'You'} reacted ${mark.emoji}`}
        >
          {mark.emoji}
        </span>
      ))}
    </p>
  );
}

/**
 * Reply (quotes the message in the composer) and React (a small emoji picker) while the window is open.
 * WhatsApp quotes any message it knows the id of, and takes reactions only on the customer's messages.
 */
export function BubbleActions({ message }: { message: Message }) {
  const actions = useConversationActions();
  const store = useStore();
  const [picking, setPicking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!actions?.canSend || message.providerId === null || message.kind === 'reaction') return null;
  const canReact = message.direction === 'inbound';
  const mine = message.reactions?.find((mark) => mark.by === 'business')?.emoji ?? null;
  const react = async (emoji: string) => {
    setPicking(false);
    setProblem(null);
    try {
      store.receiveMessage(await store.api.conversation.react(message.contactId, message.id, emoji));
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  };
  return (
    <div className="bubble-tools">
      <button
        type="button"
        className="icon-button"
        aria-label="Reply"
        title="Reply"
        onClick={() => actions.setReplyTarget(message)}
      >
        <CornerUpLeft size={16} aria-hidden="true" />
      </button>
      {canReact ? (
        <button
          type="button"
          className="icon-button"
          aria-label="React"
          title="React"
          aria-expanded={picking}
          onClick={() => setPicking((open) => !open)}
        >
          <SmilePlus size={16} aria-hidden="true" />
        </button>
      ) : null}
      {picking ? (
        <div
          className="reaction-picker"
          role="group"
          aria-label="Choose a reaction"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setPicking(false);
          }}
        >
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className={emoji === mine ? 'reaction-choice chosen' : 'reaction-choice'}
              aria-label={`React ${emoji}`}
              aria-pressed={emoji === mine}
              onClick={() => void react(emoji)}
            >
              {emoji}
            </button>
          ))}
          {mine !== null ? (
            <button type="button" className="ghost" onClick={() => void react('')}>
              Remove
            </button>
          ) : null}
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="bubble-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
