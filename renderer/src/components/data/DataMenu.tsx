import { useState } from 'react';
import type { ExportFile } from '../../../../main/contract/exports';
import { useStore } from '../../state/context';
import { closeMenuOnChoice } from './close-menu';
import { downloadFile } from './download';
import { ImportChatDialog } from './ImportChatDialog';
import { ImportContactsDialog } from './ImportContactsDialog';

/** The list's "Import / export" menu: contacts in and out as CSV, every conversation out. */
export function DataMenu() {
  const store = useStore();
  const [importing, setImporting] = useState(false);
  const [importingChat, setImportingChat] = useState(false);

  function exportAs(make: () => Promise<ExportFile>) {
    make().then(downloadFile, (error: unknown) => store.reportError(error));
  }

  return (
    <>
      <details className="menu menu-up">
        <summary className="secondary">Import / export</summary>
        <div className="menu-items" role="group" aria-label="Import and export" onClick={closeMenuOnChoice}>
          <button type="button" className="ghost" onClick={() => setImportingChat(true)}>
            Import chat export (WhatsApp)
          </button>
          <button type="button" className="ghost" onClick={() => setImporting(true)}>
            Import contacts (CSV)
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => exportAs(() => store.api.exports.contactsCsv())}
          >
            Export contacts (CSV)
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => exportAs(() => store.api.exports.allConversations('html'))}
          >
            Export all conversations (HTML)
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => exportAs(() => store.api.exports.allConversations('json'))}
          >
            Export all conversations (JSON)
          </button>
        </div>
      </details>
      {importing ? <ImportContactsDialog onClose={() => setImporting(false)} /> : null}
      {importingChat ? <ImportChatDialog onClose={() => setImportingChat(false)} /> : null}
    </>
  );
}
