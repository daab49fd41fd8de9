import { useState } from 'react';
import type {
  ChatExportRequest,
  ChatImportDone,
  ChatImportPreview,
  DateOrder,
} from '../../../../main/contract/chat-import';
import { IMPORTED_NOTE } from '../../format/imported';
import { useStore } from '../../state/context';
import { Dialog } from '../Dialog';
import { DialogActions } from '../DialogActions';
import { FormProblem } from '../FormProblem';
import { ChatPreviewSummary } from './ChatPreviewSummary';
import { ImportFileField, ImportOutcome, type ChosenFile } from './ImportSteps';
import { useBusyRun } from '../use-busy-run';

type Choices = Pick<ChatExportRequest, 'shopParticipant' | 'dateOrder' | 'phone' | 'contactId'>;

/**
 * "Import chat export": choose the .txt or .zip WhatsApp's "Export chat" made, check the preview (new
 * messages, ones already imported, the contact, problems by line), answer what the file cannot tell (which
 * participant is you, how dates are written, the customer's number), import, and undo right after.
 */
export function ImportChatDialog({ onClose, contactId }: { onClose: () => void; contactId?: string }) {
  const store = useStore();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [choices, setChoices] = useState<Choices>(contactId ? { contactId } : {});
  const [preview, setPreview] = useState<ChatImportPreview | null>(null);
  const [done, setDone] = useState<ChatImportDone | null>(null);
  const [undone, setUndone] = useState(false);
  const { busy, problem, run } = useBusyRun();

  const ask = (chosen: ChosenFile, next: Choices) =>
    run(async () => {
      setChoices(next);
      setPreview(
        await store.api.imports.previewChatExport({
          fileName: chosen.name,
          bytesBase64: chosen.base64,
          ...next,
        }),
      );
    });
  const choose = (patch: Choices) => {
    if (file) void ask(file, { ...choices, ...patch });
  };

  const count = preview?.counts.newMessages ?? 0;
  return (
    <Dialog
      title="Import chat export"
      onClose={onClose}
      className="import-dialog"
      description={<p>{IMPORTED_NOTE}</p>}
    >
      <FormProblem message={problem} />
      {done === null ? (
        <>
          <ImportFileField
            label="The .txt or .zip file from WhatsApp’s “Export chat”"
            accept=".txt,.zip,text/plain,application/zip"
            busy={busy}
            run={run}
            onRead={async (next) => {
              setFile(next);
              await ask(next, contactId ? { contactId } : {});
            }}
          />
          {preview ? (
            <>
              <ChatPreviewSummary preview={preview} />
              {preview.participants.length === 2 ? (
                <fieldset className="import-choice">
                  <legend>Which one is you (the shop)?</legend>
                  {preview.participants.map((name) => (
                    <label key={name}>
                      <input
                        type="radio"
                        name="shop"
                        checked={preview.shopParticipant === name}
                        disabled={busy}
                        onChange={() => choose({ shopParticipant: name })}
                      />{' '}
                      {name}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              {preview.dateOrder.readings.length > 0 ? (
                <fieldset className="import-choice">
                  <legend>How are the dates in this file written?</legend>
                  {preview.dateOrder.readings.map((reading) => (
                    <label key={reading.order}>
                      <input
                        type="radio"
                        name="date-order"
                        checked={choices.dateOrder === reading.order}
                        disabled={busy}
                        onChange={() => choose({ dateOrder: reading.order })}
                      />{' '}
                      {ORDER_WORDS[reading.order]}
                      {reading.firstAt === null
                        ? ''
                        : ` — the first message would be from ${new Date(reading.firstAt).toLocaleDateString(undefined, { dateStyle: 'long', timeZone: preview.timeZone })}`}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              {preview.contact?.kind === 'needs-phone' ||
              (choices.phone !== undefined && preview.contact === null) ? (
                <label className="field">
                  <span>
                    {preview.contact?.kind === 'needs-phone' ? preview.contact.name : 'The customer'}’s
                    WhatsApp number
                  </span>
                  <input
                    defaultValue={choices.phone ?? ''}
                    placeholder="+31 6 1234 5678"
                    disabled={busy}
                    onBlur={(event) => {
                      const phone = event.target.value.trim();
                      if (phone !== '' && phone !== choices.phone) choose({ phone });
                    }}
                  />
                </label>
              ) : null}
              {preview.blocked ? <p className="import-blocked">{preview.blocked}</p> : null}
            </>
          ) : null}
          <DialogActions onCancel={onClose}>
            <button
              type="button"
              className="primary"
              disabled={busy || !preview || preview.blocked !== null || count === 0}
              onClick={() =>
                void run(async () => {
                  if (preview) setDone(await store.api.imports.applyChatExport(preview.previewId));
                })
              }
            >
              {preview ? `Import ${count} messages` : 'Import'}
            </button>
          </DialogActions>
        </>
      ) : (
        <ImportOutcome
          status={
            undone
              ? 'The import was undone: the conversation is as it was before.'
              : `Imported ${done.added} messages${done.duplicates > 0 ? ` (${done.duplicates} were already there)` : ''}.`
          }
          undone={undone}
          undoLabel="Undo"
          busy={busy}
          run={run}
          undo={() => store.api.imports.undoChatExport(done.importId)}
          onUndone={() => setUndone(true)}
        >
          <button
            type="button"
            className="primary"
            onClick={() => {
              if (!undone) store.selectContact(done.contactId);
              onClose();
            }}
          >
            {undone ? 'Done' : 'Open the conversation'}
          </button>
        </ImportOutcome>
      )}
    </Dialog>
  );
}

const ORDER_WORDS: Record<DateOrder, string> = {
  DMY: 'Day first (31/12)',
  MDY: 'Month first (12/31)',
  YMD: 'Year first (2024-12-31)',
};
