import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { MAX_MESSAGE_LENGTH } from '../../../main/contract/model';
import { useAppState, useFormatPrefs, useStore } from '../state/context';
import { errorMessage } from '../state/errors';
import { hasCommandKey, isMac } from './keys';
import { ComposerCost } from './ComposerCost';

/** The counter appears this close to WhatsApp's limit. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 300;

/**
 * The message box, shown only while the window is open or closing. The draft lives in the store per
 * contact, so it survives switching contacts; a refused send keeps it and says why.
 */
export function Composer({
  contactId,
  textareaRef,
  onSendTemplate,
}: {
  contactId: string;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** Opens the template preview (an approved template is allowed inside the window too). */
  onSendTemplate?: () => void;
}) {
  const store = useStore();
  const { locale } = useFormatPrefs();
  const draft = useAppState((s) => s.drafts[contactId] ?? '');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const counterId = useId();
  const errorId = useId();
  const hintId = useId();

  const length = draft.length;
  const tooLong = length > MAX_MESSAGE_LENGTH;
  const canSend = draft.trim() !== '' && !tooLong && !sending;

  async function send() {
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      const message = await store.sendDraft(contactId);
      if (message.status === 'failed') {
        setError(message.error ?? 'WhatsApp did not accept the message.');
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && hasCommandKey(event)) {
      event.preventDefault();
      void send();
    }
  }

  const number = new Intl.NumberFormat(locale);
  const describedBy = [hintId, length >= COUNTER_FROM ? counterId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="composer-row">
        <textarea
          ref={textareaRef}
          className="composer-input"
          aria-label="Message"
          placeholder="Type a message…"
          rows={1}
          value={draft}
          readOnly={sending}
          aria-invalid={tooLong || undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            store.setDraft(contactId, event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        {onSendTemplate ? (
          <button type="button" className="secondary send-template" onClick={onSendTemplate}>
            Send template
          </button>
        ) : null}
        <button type="submit" className="primary send" disabled={!canSend} aria-busy={sending || undefined}>
          Send
        </button>
      </div>
      <div className="composer-foot">
        <span id={hintId} className="composer-hint">
          {isMac() ? '⌘' : 'Ctrl'}+Enter sends · Enter adds a line
        </span>
        <ComposerCost contactId={contactId} />
        {length >= COUNTER_FROM ? (
          <span id={counterId} className={tooLong ? 'composer-counter over' : 'composer-counter'}>
            {number.format(length)} / {number.format(MAX_MESSAGE_LENGTH)}
            {tooLong
              ? ` — WhatsApp messages are limited to ${number.format(MAX_MESSAGE_LENGTH)} characters.`
              : ''}
          </span>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="composer-error">
          {error} Your text is still in the message box.
        </p>
      ) : null}
    </form>
  );
}
