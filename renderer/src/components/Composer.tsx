import { useEffect, useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { MAX_MESSAGE_LENGTH } from '../../../main/contract/model';
import { useAppState, useFormatPrefs, useStore } from '../state/context';
import { errorMessage } from '../state/errors';
import { hasCommandKey, isMac } from './keys';
import { ComposerCost } from './ComposerCost';
import { useQuickReplyPicker } from './QuickReplyPicker';
import { takesCaption } from '../../../main/domain/outgoing-media';
import { useConversationActions } from './bubbles/conversation-actions';
import { AttachButton, AttachmentPreview, ReplyStrip, useAttachment } from './bubbles/ComposerAttachments';

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
  const enterSends = useAppState((s) => s.settings.enterSends);
  const contact = useAppState((s) => s.rows.get(contactId)?.contact ?? null);
  const picker = useQuickReplyPicker({
    draft,
    contact,
    textareaRef,
    setDraft: (text) => store.setDraft(contactId, text),
  });

  const actions = useConversationActions();
  const replyTarget = actions?.replyTarget ?? null;
  const files = useAttachment(contactId);
  // Reply pressed on a bubble: the box takes the focus, the quote shown above it.
  useEffect(() => {
    if (replyTarget) textareaRef.current?.focus();
  }, [replyTarget, textareaRef]);
  const length = draft.length;
  const tooLong = length > MAX_MESSAGE_LENGTH;
  const canSend =
    (draft.trim() !== '' || files.attachment !== null) && !tooLong && !sending && files.adding === null;

  async function send() {
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      const replyToId = replyTarget?.id ?? null;
      const withCaption = files.attachment !== null && takesCaption(files.attachment.kind);
      // A file goes with the text as its caption (not audio: the platform takes none there).
      const message = files.attachment
        ? await files.send(draft, replyToId)
        : await store.sendDraft(contactId, replyToId);
      if (files.attachment && withCaption && message.status !== 'failed') store.setDraft(contactId, '');
      actions?.setReplyTarget(null);
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
    if (picker.onKeyDown(event)) return;
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // Enter sends and Shift+Enter adds a line, as in WhatsApp Desktop; or, as the owner chose, Ctrl/⌘+Enter.
    const sends = enterSends ? !event.shiftKey && !event.altKey : hasCommandKey(event);
    if (sends) {
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
      {...files.dropProps}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {picker.list}
      {replyTarget ? (
        <ReplyStrip message={replyTarget} onCancel={() => actions?.setReplyTarget(null)} />
      ) : null}
      <AttachmentPreview
        attachment={files.attachment}
        adding={files.adding}
        problem={files.problem}
        captionLength={length}
        onRemove={files.discard}
      />
      <div className="composer-row">
        <AttachButton busy={files.adding !== null || sending} onPick={() => void files.pick()} />
        <textarea
          ref={textareaRef}
          className="composer-input"
          aria-label="Message"
          dir="auto"
          placeholder="Type a message…"
          rows={1}
          value={draft}
          readOnly={sending}
          aria-invalid={tooLong || undefined}
          aria-describedby={describedBy}
          {...picker.inputProps}
          onChange={(event) => {
            store.setDraft(contactId, event.target.value);
            picker.update();
          }}
          onSelect={picker.update}
          onKeyDown={onKeyDown}
        />
        {onSendTemplate && contact?.optIn.status === 'opted-out' ? (
          // The customer wrote STOP: templates are refused, so none is offered (replies still are).
          <span className="composer-opted-out" role="note">
            Customer opted out — no templates
          </span>
        ) : onSendTemplate ? (
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
          {enterSends ? (
            <>
              <kbd>Enter</kbd> sends · <kbd>Shift</kbd>+<kbd>Enter</kbd> adds a line
            </>
          ) : (
            <>
              <kbd>{isMac() ? '⌘' : 'Ctrl'}</kbd>+<kbd>Enter</kbd> sends · <kbd>Enter</kbd> adds a line
            </>
          )}{' '}
          · <kbd>/</kbd> quick replies
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
      {picker.missing.length > 0 ? (
        <p className="composer-note" role="status">
          {contact?.name ?? 'This contact'} has nothing for {picker.missing.join(', ')}: type it in before
          sending.
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="composer-error">
          {error} Your text is still in the message box.
        </p>
      ) : null}
    </form>
  );
}
