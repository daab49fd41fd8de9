import { memo, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { ContactRow, Message } from '../../../main/contract/model';
import { notSentReason } from '../../../main/domain/activity';
import { calendarDaysBetween, formatClock } from '../../../main/domain/zoned-time';
import { IMPORTED_NOTE } from '../format/imported';
import { dayHeading } from '../format/dates';
import { consentWord, firstName } from '../format/follow-up-text';
import { MINUTE } from '../../../main/domain/durations';
import type { FormatPrefs } from '../format/zone';
import { useAppState, useFormatPrefs, useStore, useTimeDerived } from '../state/context';

/**
 * The conversation: day separators, bubbles (inbound left, outbound right) with time and delivery
 * ticks, and "Load earlier messages". Opens at the bottom and follows new messages; loading earlier
 * ones keeps the message the owner was reading in place.
 */
export function MessageLog({ row }: { row: ContactRow }) {
  const store = useStore();
  const contactId = row.contact.id;
  const conversation = useAppState((s) => (s.conversation?.contactId === contactId ? s.conversation : null));
  const restored = useAppState((s) => s.restoredDrafts);
  const prefs = useFormatPrefs();
  // Day headings ("Today") only need the time to the minute.
  const now = useTimeDerived((t) => Math.floor(t / MINUTE) * MINUTE);
  const logRef = useRef<HTMLDivElement>(null);
  const seen = useRef<{ firstId: string | undefined; lastId: string | undefined; height: number } | null>(
    null,
  );

  const messages = conversation?.messages ?? [];
  const firstId = messages[0]?.id;
  const lastId = messages[messages.length - 1]?.id;

  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const before = seen.current;
    if (before !== null && before.lastId === lastId && before.firstId !== firstId) {
      // Earlier messages went in above: keep the owner's place.
      log.scrollTop += log.scrollHeight - before.height;
    } else if (before === null || before.lastId !== lastId) {
      // Opened, or a new message at the end.
      log.scrollTop = log.scrollHeight;
    }
    seen.current = { firstId, lastId, height: log.scrollHeight };
  }, [firstId, lastId]);

  const items: ReactNode[] = [];
  let previous: Message | undefined;
  for (const message of messages) {
    if (previous === undefined || calendarDaysBetween(previous.at, message.at, prefs.timeZone) !== 0) {
      items.push(
        <h3 key={`day-${message.id}`} className="day-separator">
          <span>{dayHeading(message.at, now, prefs.locale, prefs.timeZone)}</span>
        </h3>,
      );
    }
    items.push(
      <Bubble
        key={message.id}
        message={message}
        prefs={prefs}
        restored={restored.has(message.id)}
        settle={(how) => void store.settleUnconfirmed(message, how)}
      />,
    );
    if (message.consent !== null && message.direction === 'inbound') {
      items.push(<ConsentLine key={`consent-${message.id}`} message={message} name={row.contact.name} />);
    }
    previous = message;
  }

  const loading = conversation === null ? 'initial' : conversation.loading;
  return (
    <div
      ref={logRef}
      role="log"
      aria-label={`Conversation with ${row.contact.name}`}
      aria-busy={loading !== null}
      tabIndex={0}
      className="message-log"
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
      {loading === 'initial' ? <p className="log-note">Loading the conversation…</p> : null}
      {loading !== 'initial' && messages.length === 0 && !conversation?.error ? (
        <p className="log-note">No messages yet.</p>
      ) : null}
      {items}
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
        {message.template !== null || message.kind === 'template' ? (
          <p className="bubble-template">Template · {message.template?.name ?? 'approved template'}</p>
        ) : null}
        {message.media ? (
          <p className="bubble-media">
            <span aria-hidden="true">📎</span> {message.media.fileName ?? 'Media left out of the export'}
          </p>
        ) : null}
        {message.text !== '' || !message.media ? <p className="bubble-text">{message.text}</p> : null}
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
      </div>
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
  if (message.status === 'failed') {
    return (
      <p className="bubble-error">
        Not sent: {sentence(notSentReason(message))}
        {action ? ` ${action}` : ''}
        {restored ? ' Your text is back in the message box.' : ''}
      </p>
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
