import { memo, type ReactNode } from 'react';
import type { ContactRow, Message } from '../../../main/contract/model';
import { notSentReason } from '../../../main/domain/activity';
import { calendarDaysBetween, formatClock } from '../../../main/domain/zoned-time';
import { IMPORTED_NOTE } from '../format/imported';
import { dayHeading } from '../format/dates';
import { consentWord, firstName } from '../format/follow-up-text';
import { MINUTE } from '../../../main/domain/durations';
import type { FormatPrefs } from '../format/zone';
import { useAppState, useFormatPrefs, useStore, useTimeDerived } from '../state/context';
import { VirtualTrack } from './message-log/VirtualTrack';
import { useVirtualLog } from './message-log/use-virtual-log';
import { BubbleContent, CallLine, ReactionLine } from './bubbles/BubbleContent';
import { BubbleActions, ReactionMarks } from './bubbles/BubbleActions';
import { useConversationActions } from './bubbles/conversation-actions';

/**
 * The conversation: day separators, bubbles (inbound left, outbound right) with time and delivery
 * ticks. Only the messages in view are drawn (`useVirtualLog`: paging as the owner scrolls, pages far
 * away dropped, the place kept, the bottom followed); what one message looks like is `entry` below.
 */
export function MessageLog({ row }: { row: ContactRow }) {
  const store = useStore();
  const contactId = row.contact.id;
  const conversation = useAppState((s) => (s.conversation?.contactId === contactId ? s.conversation : null));
  const restored = useAppState((s) => s.restoredDrafts);
  const prefs = useFormatPrefs();
  // Day headings ("Today") only need the time to the minute.
  const now = useTimeDerived((t) => Math.floor(t / MINUTE) * MINUTE);
  const { scrollRef, trackRef, virtualizer, messages, onScroll } = useVirtualLog({
    conversation,
    loadEarlier: () => void store.loadEarlier(),
    loadLater: () => void store.loadLater(),
  });
  const focusedId = conversation?.focus?.messageId ?? null;

  /** One message and what goes with it: the day it starts (when the one before is another day), its consent line. */
  function entry(message: Message, previous: Message | undefined): ReactNode {
    return (
      <>
        {previous === undefined || calendarDaysBetween(previous.at, message.at, prefs.timeZone) !== 0 ? (
          <h3 className="day-separator">
            <span>{dayHeading(message.at, now, prefs.locale, prefs.timeZone)}</span>
          </h3>
        ) : null}
        {message.kind === 'reaction' ? (
          <ReactionLine message={message} />
        ) : message.kind === 'call' ? (
          <CallLine message={message} />
        ) : (
          <Bubble
            message={message}
            prefs={prefs}
            restored={restored.has(message.id)}
            settle={(how) => void store.settleUnconfirmed(message, how)}
          />
        )}
        {message.consent !== null && message.direction === 'inbound' ? (
          <ConsentLine message={message} name={row.contact.name} />
        ) : null}
      </>
    );
  }

  const loading = conversation === null ? 'initial' : conversation.loading;
  return (
    <div
      ref={scrollRef}
      role="log"
      aria-label={`Conversation with ${row.contact.name}`}
      aria-busy={loading !== null}
      tabIndex={0}
      className="message-log"
      onScroll={onScroll}
    >
      {conversation?.hasMore ? (
        <div className="load-earlier">
          <button
            type="button"
            className="ghost"
            disabled={loading === 'earlier'}
            onClick={() => void store.loadEarlier()}
          >
            {loading === 'earlier' ? 'Loading earlier messages…' : 'Load earlier messages'}
          </button>
        </div>
      ) : null}
      {conversation?.error ? <p className="log-note log-error">{conversation.error}</p> : null}
      {loading === 'initial' && messages.length === 0 ? (
        <p className="log-note">Loading the conversation…</p>
      ) : null}
      {loading !== 'initial' && messages.length === 0 && !conversation?.error ? (
        <p className="log-note">No messages yet.</p>
      ) : null}
      <VirtualTrack
        virtualizer={virtualizer}
        messages={messages}
        trackRef={trackRef}
        focusedId={focusedId}
        render={(index) => {
          const message = messages[index];
          return message === undefined ? null : entry(message, messages[index - 1]);
        }}
      />
      {conversation?.hasNewer ? (
        <div className="load-later">
          <button
            type="button"
            className="ghost"
            disabled={loading === 'later'}
            onClick={() => void store.loadLater()}
          >
            {loading === 'later' ? 'Loading newer messages…' : 'Load newer messages'}
          </button>
          <button type="button" className="secondary" onClick={() => void store.jumpToLatest()}>
            Jump to the latest
          </button>
        </div>
      ) : null}
    </div>
  );
}

const STATUS: Partial<Record<Message['status'], { mark: string; label: string }>> = {
  pending: { mark: '◷', label: 'Sending' },
  queued: { mark: '◷', label: 'Waiting to send' },
  sending: { mark: '◷', label: 'Sending' },
  unconfirmed: { mark: '?', label: 'Not confirmed' },
  sent: { mark: '✓', label: 'Sent' },
  delivered: { mark: '✓✓', label: 'Delivered' },
  read: { mark: '✓✓', label: 'Read' },
  failed: { mark: '⚠', label: 'Not sent' },
};

const Bubble = memo(function Bubble({
  message,
  prefs,
  restored,
  settle,
}: {
  message: Message;
  prefs: FormatPrefs;
  restored: boolean;
  settle: (how: 'mark-sent' | 'send-again') => void;
}) {
  const outbound = message.direction === 'outbound';
  // An imported message was never sent through the platform: no ticks to show.
  const status = outbound && !message.imported ? STATUS[message.status] : undefined;
  const classes = ['bubble', outbound ? 'outbound' : 'inbound'];
  if (message.imported) classes.push('imported');
  if (message.kind === 'template') classes.push('template');
  if (message.status === 'failed') classes.push('failed');
  return (
    <div className={`bubble-row ${outbound ? 'outbound' : 'inbound'}`}>
      <div className={classes.join(' ')}>
        {message.automatic ? (
          <p className="bubble-template automatic-mark">
            Sent automatically · {message.automatic === 'greeting' ? 'greeting' : 'away message'}
          </p>
        ) : null}
        {message.template !== null || message.kind === 'template' ? (
          <p className="bubble-template">Template · {message.template?.name ?? 'approved template'}</p>
        ) : null}
        {/* Quote, media, location, contact cards, choice, unsupported, text: bubbles/BubbleContent.tsx. */}
        <BubbleContent message={message} />
        <p className="bubble-meta">
          {message.imported ? (
            <span className="imported-mark" title={IMPORTED_NOTE}>
              Imported ·{' '}
            </span>
          ) : null}
          <time dateTime={new Date(message.at).toISOString()}>
            {formatClock(message.at, prefs.timeZone, prefs.locale)}
          </time>
          {status ? (
            <span
              className={`ticks ticks-${message.status}`}
              role="img"
              aria-label={status.label}
              title={status.label}
            >
              {status.mark}
            </span>
          ) : null}
        </p>
        {outbound ? <SendNote message={message} restored={restored} settle={settle} /> : null}
        <ReactionMarks message={message} />
      </div>
      <BubbleActions message={message} />
    </div>
  );
});

/**
 * Under an outbound message that did not (or may not have) gone out: why, once, in main's words, and
 * what to do. "Not sent" is said here only; the reason itself never repeats it.
 */
function SendNote({
  message,
  restored,
  settle,
}: {
  message: Message;
  restored: boolean;
  settle: (how: 'mark-sent' | 'send-again') => void;
}) {
  const action = message.failure?.action ?? '';
  const canSend = useConversationActions()?.canSend ?? true;
  if (message.status === 'failed') {
    const error = (
      <p className="bubble-error">
        Not sent: {sentence(notSentReason(message))}
        {action ? ` ${action}` : ''}
        {restored ? ' Your text is back in the message box.' : ''}
      </p>
    );
    // A file cannot go back into the message box as a text does: it is offered again here, as a new message.
    if (!message.media || !canSend) return error;
    return (
      <>
        {error}
        <p className="bubble-actions">
          <button type="button" className="ghost" onClick={() => settle('send-again')}>
            Send again
          </button>
        </p>
      </>
    );
  }
  if (message.status === 'queued' && message.failure) {
    return (
      <p className="bubble-note">
        Waiting to send: {sentence(message.failure.reason)} {action}
      </p>
    );
  }
  if (message.status === 'unconfirmed' || message.status === 'pending') {
    const why = message.failure?.reason ?? message.error;
    if (why === null) return null;
    return (
      <div className="bubble-note">
        <p>
          Not confirmed: {sentence(why)} {action}
        </p>
        {message.status === 'unconfirmed' ? (
          <p className="bubble-actions">
            <button type="button" className="ghost" onClick={() => settle('mark-sent')}>
              Mark as sent
            </button>
            <button type="button" className="ghost" onClick={() => settle('send-again')}>
              Send again
            </button>
          </p>
        ) : null}
      </div>
    );
  }
  return null;
}

/** A reason as a sentence: one full stop at the end, never two. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const CONSENT_LINE: Record<NonNullable<Message['consent']>, string> = {
  'opted-out': 'opted out of templates',
  'opt-in-requested': 'asks to receive templates again',
  'opted-out-of-marketing': 'no more marketing templates (utility ones still allowed)',
};

/** A system line under a message that changed consent: "Maria wrote STOP — opted out of templates". */
function ConsentLine({ message, name }: { message: Message; name: string }) {
  const what = message.consent === null ? '' : CONSENT_LINE[message.consent];
  const did = message.kind === 'button' ? 'pressed' : 'wrote';
  return (
    <p className={`system-line consent-${message.consent ?? 'none'}`}>
      {firstName(name)} {did} {consentWord(message.text)} — {what}
    </p>
  );
}
