import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CareWindowApi } from '../../../main/contract/ipc';
import type { ContactRow } from '../../../main/contract/model';
import { StoreProvider, useAppState, useStore } from '../state/context';
import { AppStore } from '../state/store';
import { Banners } from './Banners';
import { ContactEditor } from './ContactEditor';
import type { ContactListHandle, OpenHow } from './ContactList';
import { ConversationPane, type FollowUpSlot } from './ConversationPane';
import { Dialog } from './Dialog';
import { hasCommandKey } from './keys';
import { SettingsDialog } from './SettingsDialog';
import { Sidebar } from './Sidebar';
import { Toasts } from './Toasts';

export interface AppProps {
  /** The main process's API (the real bridge, or a fake in tests). */
  api: CareWindowApi;
  /** Where the follow-up action plugs in (a later issue). */
  renderFollowUp?: FollowUpSlot;
}

export function App({ api, renderFollowUp }: AppProps) {
  const [store] = useState(() => new AppStore(api));
  useEffect(() => store.start(), [store]);
  return (
    <StoreProvider store={store}>
      <Shell renderFollowUp={renderFollowUp} />
    </StoreProvider>
  );
}

type OpenDialog =
  | { kind: 'contact'; contactId: string | null; focusOptIn: boolean }
  | { kind: 'settings' }
  | { kind: 'start-real' }
  | null;

function Shell({ renderFollowUp }: { renderFollowUp: FollowUpSlot | undefined }) {
  const store = useStore();
  const status = useAppState((s) => s.status);
  const loadError = useAppState((s) => s.loadError);
  const theme = useAppState((s) => s.settings.theme);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listHandle = useRef<ContactListHandle>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  // Light or dark: follow the system unless the owner chose one.
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);

  // Ctrl/⌘+K searches; Esc goes back to the list. Dialogs handle their own keys.
  useEffect(() => {
    if (dialog !== null) return;
    function onKeyDown(event: KeyboardEvent) {
      if (hasCommandKey(event) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        listHandle.current?.focus();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [dialog]);

  function open(contactId: string, how: OpenHow) {
    if (how === 'keyboard') {
      // Render the conversation now, so the message box exists to take the focus.
      flushSync(() => store.selectContact(contactId));
      composerRef.current?.focus();
    } else {
      store.selectContact(contactId);
    }
  }

  function onSaved(row: ContactRow, created: boolean) {
    setDialog(null);
    if (created) store.selectContact(row.contact.id);
  }

  if (status === 'loading') {
    return (
      <div className="splash" role="status">
        <span className="app-logo" aria-hidden="true">
          ◔
        </span>
        Opening your workspace…
      </div>
    );
  }
  if (status === 'failed') {
    return (
      <div className="fatal" role="alert">
        <h1>CareWindow could not open your workspace</h1>
        <p>{loadError}</p>
        <button type="button" className="primary" onClick={() => void store.load()}>
          Try again
        </button>
      </div>
    );
  }

  return (
    <>
      <div className="app" inert={dialog !== null}>
        <Banners onStartReal={() => setDialog({ kind: 'start-real' })} />
        <div className="panes">
          <Sidebar
            searchRef={searchRef}
            listHandle={listHandle}
            focusList={() => listHandle.current?.focus()}
            onOpen={open}
            onAddContact={() => setDialog({ kind: 'contact', contactId: null, focusOptIn: false })}
            onOpenSettings={() => setDialog({ kind: 'settings' })}
          />
          <ConversationPane
            composerRef={composerRef}
            onEditContact={(contactId) => setDialog({ kind: 'contact', contactId, focusOptIn: false })}
            onAddOptIn={(contactId) => setDialog({ kind: 'contact', contactId, focusOptIn: true })}
            renderFollowUp={renderFollowUp}
          />
        </div>
      </div>
      <Toasts />
      {dialog?.kind === 'contact' ? (
        <ContactEditor
          contactId={dialog.contactId}
          focusOptIn={dialog.focusOptIn}
          onClose={() => setDialog(null)}
          onSaved={onSaved}
          onOpenContact={(contactId) => {
            setDialog(null);
            store.selectContact(contactId);
          }}
        />
      ) : null}
      {dialog?.kind === 'settings' ? <SettingsDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'start-real' ? (
        <Dialog
          title="Leave the demo?"
          onClose={() => setDialog(null)}
          className="confirm-dialog"
          description={
            <p>
              Your own workspace starts empty and is kept apart from the demo data. Nothing from the demo is
              copied or sent.
            </p>
          }
        >
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={() => setDialog(null)}>
              Stay in the demo
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setDialog(null);
                void store.startRealWorkspace();
              }}
            >
              Leave the demo
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
