import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CareWindowApi } from '../../../main/contract/ipc';
import type { ContactRow } from '../../../main/contract/model';
import { canSendFreeForm } from '../../../main/domain/care-window';
import { StoreProvider, useAppState, useStore } from '../state/context';
import { AppStore } from '../state/store';
import { ActionsContext, type ShellActions } from './actions';
import { Banners } from './Banners';
import type { ContactListHandle, OpenHow } from './ContactList';
import { ConversationPane } from './ConversationPane';
import { CostsScreen } from './costs/CostsScreen';
import type { FollowUpSlot } from './follow-up-slot';
import { FollowUpButton } from './follow-ups/FollowUpButton';
import { FollowUpsScreen } from './follow-ups/FollowUpsScreen';
import { hasCommandKey } from './keys';
import { createModalRegistry, ModalContext } from './modal';
import { ShellDialogs, type OpenDialog } from './ShellDialogs';
import { Sidebar } from './Sidebar';
import { ShortcutsSheet } from './ShortcutsSheet';
import { TemplatesScreen, type TemplateEdit } from './templates/TemplatesScreen';
import { Toasts } from './Toasts';
import { useInbox } from './use-inbox';

export interface AppProps {
  /** The main process's API (the real bridge, or a fake in tests). */
  api: CareWindowApi;
  /** Replaces the follow-up action in the conversation (tests use it to check where it plugs in). */
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

/** Typing in a field: single-letter shortcuts such as F stay out of the way. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function Shell({ renderFollowUp }: { renderFollowUp: FollowUpSlot | undefined }) {
  const store = useStore();
  const status = useAppState((s) => s.status);
  const loadError = useAppState((s) => s.loadError);
  const theme = useAppState((s) => s.settings.theme);
  const screen = useAppState((s) => s.screen);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [templateEdit, setTemplateEdit] = useState<{ edit: TemplateEdit; seq: number }>({
    edit: undefined,
    seq: 0,
  });
  const [modals] = useState(createModalRegistry);
  const [shortcuts, setShortcuts] = useState(false);
  const appRef = useRef<HTMLDivElement>(null);
  useInbox();
  const searchRef = useRef<HTMLInputElement>(null);
  const listHandle = useRef<ContactListHandle>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  const actions = useMemo<ShellActions>(
    () => ({
      followUp(contactId, options) {
        const row = store.getState().rows.get(contactId);
        setDialog({
          kind: 'follow-up',
          contactId,
          mode:
            options?.mode ?? (row !== undefined && canSendFreeForm(row.window) ? 'template' : 'follow-up'),
          focusTemplate: options?.focusTemplate ?? false,
        });
      },
      editContact(contactId, options) {
        setDialog((current) => ({
          kind: 'contact',
          contactId,
          focusOptIn: options?.focusOptIn ?? false,
          addField: options?.addField,
          returnTo: current?.kind === 'follow-up' ? current : null,
        }));
      },
      editTemplate(templateId) {
        setDialog(null);
        setTemplateEdit((current) => ({ edit: templateId, seq: current.seq + 1 }));
        store.showScreen('templates');
      },
      openContact(contactId) {
        setDialog(null);
        store.selectContact(contactId);
      },
      connectWhatsApp() {
        setDialog({ kind: 'connect' });
      },
      searchMessages(contactId) {
        setDialog({ kind: 'search', contactId: contactId ?? null });
      },
    }),
    [store],
  );

  // The app's element exists once the workspace is open: dialogs make it inert.
  useEffect(() => modals.attach(appRef.current), [modals, status]);

  // Light or dark: follow the system unless the owner chose one. One attribute carries the result, so
  // the stylesheet defines the dark palette once.
  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => (root.dataset.theme = query.matches ? 'dark' : 'light');
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);

  // Ctrl/⌘+K searches; Esc goes back to the list; F previews the follow-up of the selected contact.
  // Dialogs handle their own keys.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (modals.isOpen()) return;
      if (hasCommandKey(event) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
        // Ctrl/⌘+Shift+F: search the messages of every conversation (as "Find in files" does).
        event.preventDefault();
        actions.searchMessages();
      } else if (hasCommandKey(event) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === '?' && !hasCommandKey(event) && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        setShortcuts(true);
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        listHandle.current?.focus();
      } else if (
        event.key.toLowerCase() === 'f' &&
        !hasCommandKey(event) &&
        !event.altKey &&
        !event.defaultPrevented &&
        !isTyping(event.target)
      ) {
        const inList = document.activeElement?.getAttribute('role') === 'listbox';
        const contactId = (inList ? listHandle.current?.activeId() : null) ?? store.getState().selectedId;
        if (contactId === null || !store.getState().rows.has(contactId)) return;
        event.preventDefault();
        actions.followUp(contactId);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [modals, store, actions]);

  function open(contactId: string, how: OpenHow) {
    if (how === 'keyboard') {
      // Render the conversation now, so the message box exists to take the focus.
      flushSync(() => store.selectContact(contactId));
      // The conversation's next action: the message box of an open window, else the closed panel's first
      // action ("Preview follow-up", "Add opt-in"); never left in the search box (issue 14).
      const next =
        composerRef.current ??
        document.querySelector<HTMLElement>(
          '.closed-panel button:not([disabled]):not([aria-disabled="true"])',
        );
      next?.focus();
    } else {
      store.selectContact(contactId);
    }
  }

  function closeContactDialog() {
    setDialog((current) => (current?.kind === 'contact' ? current.returnTo : null));
  }

  function onSaved(row: ContactRow, created: boolean) {
    closeContactDialog();
    if (created) store.selectContact(row.contact.id);
  }

  const followUpSlot: FollowUpSlot =
    renderFollowUp ?? ((row, placement) => <FollowUpButton row={row} placement={placement} />);

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
    <ModalContext.Provider value={modals}>
      <ActionsContext.Provider value={actions}>
        <div className="app" ref={appRef}>
          <Banners onStartReal={() => setDialog({ kind: 'start-real' })} />
          <div className="panes">
            <Sidebar
              searchRef={searchRef}
              listHandle={listHandle}
              focusList={() => listHandle.current?.focus()}
              onOpen={open}
              onAddContact={() =>
                setDialog({ kind: 'contact', contactId: null, focusOptIn: false, returnTo: null })
              }
              onOpenSettings={() => setDialog({ kind: 'settings' })}
              onOpenNotifications={() => setDialog({ kind: 'notifications' })}
            />
            {screen === 'follow-ups' ? <FollowUpsScreen /> : null}
            {screen === 'costs' ? <CostsScreen /> : null}
            {screen === 'templates' ? (
              <TemplatesScreen key={templateEdit.seq} initialEdit={templateEdit.edit} />
            ) : null}
            {screen === 'conversation' ? (
              <ConversationPane
                composerRef={composerRef}
                onEditContact={(contactId) => actions.editContact(contactId)}
                onAddOptIn={(contactId) => actions.editContact(contactId, { focusOptIn: true })}
                renderFollowUp={followUpSlot}
                onSendTemplate={(contactId) => actions.followUp(contactId, { mode: 'template' })}
              />
            ) : null}
          </div>
        </div>
        <Toasts />
        {shortcuts ? <ShortcutsSheet onClose={() => setShortcuts(false)} /> : null}
        <ShellDialogs
          dialog={dialog}
          setDialog={setDialog}
          onSaved={onSaved}
          onCloseContact={closeContactDialog}
        />
      </ActionsContext.Provider>
    </ModalContext.Provider>
  );
}
