import type { ContactRow } from '../../../main/contract/model';
import { useStore } from '../state/context';
import type { TemplateMode } from './actions';
import { ConnectDialog } from './connect/ConnectDialog';
import { ContactEditor } from './ContactEditor';
import { AddOptInDialog } from './contact-editor/AddOptInDialog';
import { Dialog } from './Dialog';
import { FollowUpDialog } from './follow-ups/FollowUpDialog';
import { NotificationCentreDialog } from './notifications/NotificationCentreDialog';
import { SettingsDialog } from './SettingsDialog';
import { MessageSearchDialog } from './search/MessageSearchDialog';

export interface FollowUpDialogState {
  kind: 'follow-up';
  contactId: string;
  mode: TemplateMode;
  focusTemplate: boolean;
}

export type OpenDialog =
  | {
      kind: 'contact';
      contactId: string | null;
      focusOptIn: boolean;
      addField?: string;
      /** The follow-up preview that sent the owner here to fix something, shown again afterwards. */
      returnTo: FollowUpDialogState | null;
    }
  | FollowUpDialogState
  | { kind: 'settings' }
  | { kind: 'start-real' }
  | { kind: 'notifications' }
  | { kind: 'connect' }
  | { kind: 'search'; contactId: string | null }
  | null;

/** The dialog the shell has open, if any: one at a time (a fix from the follow-up preview comes back to it). */
export function ShellDialogs({
  dialog,
  setDialog,
  onSaved,
  onCloseContact,
}: {
  dialog: OpenDialog;
  setDialog: (dialog: OpenDialog) => void;
  onSaved: (row: ContactRow, created: boolean) => void;
  onCloseContact: () => void;
}) {
  const store = useStore();
  const close = () => setDialog(null);
  switch (dialog?.kind) {
    case 'contact':
      // "Add opt-in": the small consent dialog, not the whole editor (issue 14).
      return dialog.focusOptIn && dialog.contactId !== null ? (
        <AddOptInDialog contactId={dialog.contactId} onClose={onCloseContact} onSaved={onSaved} />
      ) : (
        <ContactEditor
          contactId={dialog.contactId}
          focusOptIn={dialog.focusOptIn}
          addField={dialog.addField}
          onClose={onCloseContact}
          onSaved={onSaved}
          onOpenContact={(contactId) => {
            close();
            store.selectContact(contactId);
          }}
        />
      );
    case 'follow-up':
      return (
        <FollowUpDialog
          key={`${dialog.contactId}-${dialog.mode}`}
          contactId={dialog.contactId}
          mode={dialog.mode}
          focusTemplate={dialog.focusTemplate}
          onClose={close}
        />
      );
    case 'settings':
      return <SettingsDialog onClose={close} />;
    case 'notifications':
      return <NotificationCentreDialog onClose={close} />;
    case 'connect':
      return <ConnectDialog onClose={close} />;
    case 'search':
      return <MessageSearchDialog contactId={dialog.contactId} onClose={close} />;
    case 'start-real':
      return (
        <Dialog
          title="Leave the demo?"
          onClose={close}
          className="confirm-dialog"
          description={
            <p>
              Your own workspace starts empty and is kept apart from the demo data. Nothing from the demo is
              copied or sent.
            </p>
          }
        >
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={close}>
              Stay in the demo
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                close();
                void store.startRealWorkspace();
              }}
            >
              Leave the demo
            </button>
          </div>
        </Dialog>
      );
    default:
      return null;
  }
}
