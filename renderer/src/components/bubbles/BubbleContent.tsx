import { Phone } from 'lucide-react';
import type { Message } from '../../../../main/contract/model';
import { ChoiceLine, ContactsCard, LocationCard, UnsupportedLine } from './CardContent';
import { MediaContent } from './MediaContent';
import { mediaWord } from './conversation-actions';
import { Quote } from './Quote';

/**
 * What a bubble holds, for every kind main/contract/message-content.ts names: the quote, media,
 * location, contact cards, the chosen option, an unsupported type, and the text (or caption). Imported
 * chat-export messages go through the same path.
 */
export function BubbleContent({ message }: { message: Message }) {
  const carries = message.media ?? message.location ?? message.contacts ?? message.unsupported;
  // The text of a location or contact card is a short line ("Location") the card already says.
  // Nor is the stand-in line of media without a caption ("Voice message" under the player).
  const showText =
    message.text !== '' &&
    !(message.media && message.text === mediaWord(message.media.kind)) &&
    !message.location &&
    !message.contacts &&
    !message.unsupported &&
    !message.choice;
  return (
    <>
      {message.replyTo ? <Quote message={message} replyTo={message.replyTo} /> : null}
      {message.media ? <MediaContent message={message} media={message.media} /> : null}
      {message.location ? <LocationCard message={message} location={message.location} /> : null}
      {message.contacts ? <ContactsCard contacts={message.contacts} /> : null}
      {message.choice ? <ChoiceLine choice={message.choice} /> : null}
      {message.unsupported ? <UnsupportedLine type={message.unsupported.type} /> : null}
      {showText || (!carries && !message.choice) ? (
        <p className="bubble-text" dir="auto">
          {message.text}
        </p>
      ) : null}
    </>
  );
}

/** A reaction is drawn on its target; only one whose target is not in this history gets a line. */
export function ReactionLine({ message }: { message: Message }) {
  if (!message.reaction || message.reaction.targetId !== null || message.text === '') return null;
  const who = message.direction === 'inbound' ? 'Reacted' : 'You reacted';
  return (
    <p className="system-line reaction-line">
      {who} {message.text} to a message not here
    </p>
  );
}

/** A call: a centred line in the history (it opens the window like a message). */
export function CallLine({ message }: { message: Message }) {
  return (
    <p className="system-line call-line">
      <Phone size={14} aria-hidden="true" /> <span dir="auto">{message.text || 'Call'}</span>
    </p>
  );
}
