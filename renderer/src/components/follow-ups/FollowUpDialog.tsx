import { useEffect, useId, useRef, useState } from 'react';
import type { FollowUpPreview, Template } from '../../../../main/contract/model';
import { costLine, costTone, refusalText, STATUS_WORD, templateLabel } from '../../format/follow-up-text';
import { SECOND } from '../../../../main/domain/durations';
import { useApi, useAppState, useFormatPrefs, useStore, useTimeDerived } from '../../state/context';
import { errorMessage } from '../../state/errors';
import type { TemplateMode } from '../actions';
import { Dialog } from '../Dialog';
import { RefusalFix } from './RefusalFix';
import { TemplateCard } from './TemplateCard';
import { FormProblem } from '../FormProblem';
import { DialogActions } from '../DialogActions';
import { ScheduleFollowUp } from './ScheduleFollowUp';
import { stoppedRefusal } from './stopped-refusal';

export interface FollowUpDialogProps {
  contactId: string;
  /** The one follow-up after the window closed, or a template inside an open window. */
  mode: TemplateMode;
  /** Opens with the template picker focused ("Choose a template"). */
  focusTemplate?: boolean;
  onClose: () => void;
}

interface Loaded {
  key: string;
  preview: FollowUpPreview | null;
  error: string | null;
}

/**
 * "Follow up with Maria": what one click would send, exactly — the template, its filled text, what it
 * costs — and, when it may not be sent, why and the action that fixes it. The main process decides;
 * this dialog shows its preview and sends only what it previewed.
 */
export function FollowUpDialog({ contactId, mode, focusTemplate, onClose }: FollowUpDialogProps) {
  const api = useApi();
  const store = useStore();
  const row = useAppState((s) => s.rows.get(contactId) ?? null);
  const templates = useAppState((s) => s.templates);
  const { locale, timeZone } = useFormatPrefs();
  const now = useTimeDerived((t) => Math.floor(t / SECOND) * SECOND);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const pickerRef = useRef<HTMLSelectElement>(null);
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const key = `${chosen ?? ''}#${attempt}`;

  // Asked again when the contact or its window changes (an opt-in added, a field filled in), keeping
  // the old preview on screen until the new one arrives; not when only the unread count or the last
  // message changed (marking the conversation read pushes a new row), which cannot change the answer.
  const asked = row === null ? null : JSON.stringify([row.contact, row.window]);
  useEffect(() => {
    let live = true;
    const request =
      chosen === undefined ? api.followUps.preview(contactId) : api.followUps.preview(contactId, chosen);
    request.then(
      (preview) => live && setLoaded({ key, preview, error: null }),
      (error: unknown) => live && setLoaded({ key, preview: null, error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, contactId, chosen, key, asked]);

  if (row === null) return null;
  const name = row.contact.name;
  const current = loaded?.key === key ? loaded : null;
  const preview = current?.preview ?? null;
  const templateId = chosen ?? preview?.templateId ?? null;
  const template = templates?.find((t) => t.id === templateId) ?? null;
  // Inside an open window the follow-up rule does not apply: a template may be sent any time.
  // "Send template" to a customer who wrote STOP: refused with the opt-out, never offered as sendable.
  const stopped = mode === 'template' ? stoppedRefusal(row) : null;
  const refusal =
    stopped ??
    (preview?.refusal && !(mode === 'template' && preview.refusal.code === 'window-open')
      ? preview.refusal
      : null);
  const canSend =
    stopped === null &&
    preview !== null &&
    (preview.allowed || (mode === 'template' && preview.refusal?.code === 'window-open'));
  const sendTo = canSend && refusal === null && preview.text !== null && !sending ? templateId : null;
  const sendLabel = mode === 'follow-up' ? 'Send now' : 'Send template';
  // Later, at a chosen moment: for a window that is closed or still closing (not yet allowed now).
  const scheduleFor =
    mode === 'follow-up' &&
    templateId !== null &&
    preview !== null &&
    row.window.expiresAt !== null &&
    (preview.allowed || preview.refusal?.code === 'window-open')
      ? templateId
      : null;

  async function send() {
    if (sendTo === null) return;
    setSending(true);
    setSendError(null);
    try {
      const message =
        mode === 'follow-up'
          ? await api.followUps.send(contactId, sendTo)
          : await api.conversation.sendTemplate(contactId, sendTo);
      store.receiveMessage(message);
      if (message.status === 'failed') {
        setSendError(message.error ?? 'WhatsApp did not accept the template.');
        setSending(false);
        return;
      }
      onClose();
    } catch (caught) {
      // The refusal may have changed since the preview (an opt-out just arrived): ask again, so the
      // dialog shows the current reason and its fix under the error.
      setSendError(errorMessage(caught));
      setSending(false);
      setAttempt((n) => n + 1);
    }
  }

  return (
    <Dialog
      title={mode === 'follow-up' ? `Follow up with ${name}` : `Send template to ${name}`}
      onClose={onClose}
      className="follow-up-dialog"
      initialFocus={focusTemplate ? 'select' : undefined}
    >
      <div className="field">
        <label htmlFor={id('template')}>Template</label>
        <select
          id={id('template')}
          ref={pickerRef}
          value={templateId ?? ''}
          disabled={sending}
          onChange={(event) => {
            setChosen(event.target.value);
            setSendError(null);
          }}
        >
          {templateId === null ? (
            <option value="" disabled>
              {current === null ? 'Loading templates…' : 'No template chosen'}
            </option>
          ) : null}
          <TemplateOptions templates={templates ?? []} selectedId={templateId} />
        </select>
      </div>

      <TemplateCard template={template} preview={preview} loading={current === null} contact={row.contact} />

      {preview?.cost && templateId !== null ? (
        <p className={`cost-line ${costTone(preview.cost)}`}>{costLine(preview.cost, locale)}</p>
      ) : null}
      {preview?.warning ? (
        <p className="follow-up-warning" role="note">
          <span aria-hidden="true">⚠ </span>
          {preview.warning}
        </p>
      ) : null}
      {preview !== null && refusal !== null ? (
        <div className="refusal" id={id('refusal')}>
          <p>{refusalText(row, refusal, now, locale, timeZone)}</p>
          <RefusalFix
            row={row}
            preview={stopped ? { ...preview, refusal: stopped } : preview}
            placement="dialog"
            onChooseTemplate={() => pickerRef.current?.focus()}
          />
        </div>
      ) : null}
      {current?.error ? (
        <FormProblem message={current.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      <FormProblem message={sendError} />

      {scheduling && scheduleFor !== null ? (
        <ScheduleFollowUp
          row={row}
          templateId={scheduleFor}
          onScheduled={onClose}
          onCancel={() => setScheduling(false)}
        />
      ) : null}
      <DialogActions onCancel={onClose}>
        {scheduleFor !== null && !scheduling ? (
          <button type="button" className="secondary" disabled={sending} onClick={() => setScheduling(true)}>
            Schedule…
          </button>
        ) : null}
        <button
          type="button"
          className="primary"
          // While sending the button keeps the focus (aria-disabled), so Esc and Tab still work after.
          disabled={sendTo === null && !sending}
          aria-disabled={sending || undefined}
          aria-busy={sending || undefined}
          aria-describedby={refusal !== null ? id('refusal') : undefined}
          onClick={() => void send()}
        >
          {sending ? 'Sending…' : sendLabel}
        </button>
      </DialogActions>
    </Dialog>
  );
}

/** Approved templates can be chosen; the others are listed with their status but cannot. */
function TemplateOptions({
  templates,
  selectedId,
}: {
  templates: readonly Template[];
  selectedId: string | null;
}) {
  const known = templates.some((t) => t.id === selectedId);
  return (
    <>
      {templates.map((t) => (
        <option key={t.id} value={t.id} disabled={t.status !== 'approved'}>
          {t.status === 'approved' ? templateLabel(t) : `${templateLabel(t)} — ${STATUS_WORD[t.status]}`}
        </option>
      ))}
      {selectedId !== null && !known ? <option value={selectedId}>The default template</option> : null}
    </>
  );
}
