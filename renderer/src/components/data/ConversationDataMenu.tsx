import { useState } from 'react';
import type { ExportFile } from '../../../../main/contract/exports';
import { useStore } from '../../state/context';
import { DeleteContactDialog } from './DeleteContactDialog';
import { closeMenuOnChoice } from './close-menu';
import { downloadFile } from './download';
import { ImportChatDialog } from './ImportChatDialog';

/** "Export" on a conversation: HTML, JSON, everything about this contact; and "Delete contact…". */
export function ConversationDataMenu({ contactId }: { contactId: string }) {
  const store = useStore();
  const [deleting, setDeleting] = useState(false);
  const [importingChat, setImportingChat] = useState(false);

  function exportAs(make: () => Promise<ExportFile>) {
    make().then(downloadFile, (error: unknown) => store.reportError(error));
  }

  return (
    <>
      <details className="menu">
        <summary className="secondary">Export</summary>
        <div className="menu-items" role="group" aria-label="Export and delete" onClick={closeMenuOnChoice}>
          <button
            type="button"
            className="ghost"
            onClick={() => exportAs(() => store.api.exports.conversation(contactId, 'html'))}
          >
            Conversation as HTML (to read or print)
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => exportAs(() => store.api.exports.conversation(contactId, 'json'))}
          >
            Conversation as JSON
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => exportAs(() => store.api.exports.contactData(contactId))}
          >
            Everything about this contact (JSON)
          </button>
          <button type="button" className="ghost" onClick={() => setImportingChat(true)}>
            Import a chat export into this conversation…
          </button>
          <button type="button" className="ghost danger-text" onClick={() => setDeleting(true)}>
            Delete contact…
          </button>
        </div>
      </details>
      {deleting ? <DeleteContactDialog contactId={contactId} onClose={() => setDeleting(false)} /> : null}
      {importingChat ? (
        <ImportChatDialog contactId={contactId} onClose={() => setImportingChat(false)} />
      ) : null}
    </>
  );
}
