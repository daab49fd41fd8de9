import { useState } from 'react';
import type {
  ColumnField,
  ColumnMapping,
  ContactsCsvPreview,
  ImportDone,
} from '../../../../main/contract/contacts-csv';
import { useStore } from '../../state/context';
import { Dialog } from '../Dialog';
import { DialogActions } from '../DialogActions';
import { FormProblem } from '../FormProblem';
import { CsvPreviewTable } from './CsvPreviewTable';
import { ImportFileField, ImportOutcome, type ChosenFile } from './ImportSteps';
import { useBusyRun } from '../use-busy-run';

const FIELD_WORDS: [ColumnField, string][] = [
  ['name', 'Name'],
  ['phone', 'Phone number'],
  ['optInDate', 'Opt-in date'],
  ['optInSource', 'Opt-in source'],
  ['optInStatus', 'Opt-in (yes/no)'],
  ['notes', 'Notes'],
  ['custom', 'Custom field'],
  ['ignore', 'Leave out'],
];

/** A custom field name from a column header, as the main process makes it on its first guess. */
const keyOf = (header: string) =>
  header
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^[^A-Za-z]+|_+$/g, '')
    .slice(0, 40) || 'field';

/**
 * "Import contacts (CSV)": choose a file, check the preview (what is new, updated, skipped and why), adjust
 * which column is what and the country for local numbers, import, and undo right after if it was wrong.
 */
export function ImportContactsDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<ContactsCsvPreview | null>(null);
  const [done, setDone] = useState<ImportDone | null>(null);
  const [undone, setUndone] = useState(false);
  const { busy, problem, run } = useBusyRun();

  const ask = (chosen: ChosenFile, mapping?: ColumnMapping[], country?: string) =>
    run(async () => {
      const next = await store.api.imports.previewContactsCsv({
        fileName: chosen.name,
        bytesBase64: chosen.base64,
        ...(mapping ? { mapping } : {}),
        ...(country ? { defaultCountry: country } : {}),
      });
      setPreview(next);
    });

  function remap(column: number, field: ColumnField) {
    if (!file || !preview) return;
    const header = preview.headers[column] ?? '';
    const mapping = preview.mapping.map((m): ColumnMapping => {
      if (m.column === column)
        return field === 'custom' ? { column, field, key: keyOf(header) } : { column, field };
      // One column per field (custom fields aside): the one chosen last wins.
      return m.field === field && field !== 'custom' && field !== 'ignore'
        ? { column: m.column, field: 'ignore' }
        : m;
    });
    void ask(file, mapping, preview.defaultCountry ?? undefined);
  }

  const c = preview?.counts;
  return (
    <Dialog title="Import contacts (CSV)" onClose={onClose} className="import-dialog">
      <FormProblem message={problem} />
      {done === null ? (
        <>
          <ImportFileField
            label="CSV file from your spreadsheet"
            accept=".csv,.txt,text/csv"
            busy={busy}
            run={run}
            onRead={async (next) => {
              setFile(next);
              await ask(next);
            }}
          />
          {preview && file && c ? (
            <>
              <p className="import-summary" role="status">
                {c.new} new, {c.update} updated, {c.unchanged} already saved, {c.duplicate} duplicates,{' '}
                {c.error} with errors. Read as {preview.encoding}, separated by “
                {preview.delimiter === '\t' ? 'tab' : preview.delimiter}”.
              </p>
              <fieldset className="import-mapping">
                <legend>What each column holds</legend>
                {preview.headers.map((header, column) => (
                  <label key={column} className="field">
                    <span>{header === '' ? `Column ${column + 1}` : header}</span>
                    <select
                      value={preview.mapping.find((m) => m.column === column)?.field ?? 'ignore'}
                      disabled={busy}
                      onChange={(event) => remap(column, event.target.value as ColumnField)}
                    >
                      {FIELD_WORDS.map(([field, words]) => (
                        <option key={field} value={field}>
                          {words}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
                <label className="field">
                  <span>Country for numbers without +country code</span>
                  <input
                    defaultValue={preview.defaultCountry ?? ''}
                    maxLength={2}
                    size={3}
                    placeholder="NL"
                    disabled={busy}
                    onBlur={(event) => {
                      const country = event.target.value.trim().toUpperCase();
                      if (/^[A-Z]{2}$/.test(country) && country !== preview.defaultCountry) {
                        void ask(file, preview.mapping, country);
                      }
                    }}
                  />
                </label>
              </fieldset>
              <CsvPreviewTable rows={preview.rows} />
            </>
          ) : null}
          <DialogActions onCancel={onClose}>
            <button
              type="button"
              className="primary"
              disabled={busy || !c || c.new + c.update === 0}
              onClick={() =>
                void run(async () => {
                  if (preview) setDone(await store.api.imports.applyContactsCsv(preview.previewId));
                })
              }
            >
              {c ? `Import ${c.new + c.update} contacts` : 'Import'}
            </button>
          </DialogActions>
        </>
      ) : (
        <ImportOutcome
          status={
            undone
              ? 'The import was undone: your contacts are as they were before.'
              : `Imported: ${done.added} new, ${done.updated} updated.`
          }
          undone={undone}
          undoLabel="Undo import"
          busy={busy}
          run={run}
          undo={() => store.api.imports.undoContactsCsv(done.importId)}
          onUndone={() => setUndone(true)}
        >
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </ImportOutcome>
      )}
    </Dialog>
  );
}
