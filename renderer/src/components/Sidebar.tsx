import { Plus, Search, Settings } from 'lucide-react';
import {
  useDeferredValue,
  useMemo,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { FILTERS, visibleRows, type FilterKey } from '../list/filter';
import type { Screen } from '../state/app-state';
import { useAppState, useStore } from '../state/context';
import { useActions } from './actions';
import { ContactList, type ContactListHandle, type OpenHow } from './ContactList';
import { DataMenu } from './data/DataMenu';
import { ImportChatDialog } from './data/ImportChatDialog';
import { isMac } from './keys';
import { ListRestriction } from './ListRestriction';
import { NotificationBell } from './notifications/NotificationBell';
import { FirstRunHint } from './FirstRunHint';
import { LabelFilter } from './labels/LabelFilter';
import { MarkedBar, useMarks } from './labels/MarkedBar';
import { WindowStatesLegend } from './WindowStatesLegend';

/** The screens the sidebar switches to, in the order their buttons stand. */
const SCREEN_BUTTONS: ReadonlyArray<[Exclude<Screen, 'conversation'>, string]> = [
  ['follow-ups', 'Follow-ups'],
  ['templates', 'Templates'],
  ['costs', 'Costs'],
];

export interface SidebarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  listHandle: Ref<ContactListHandle>;
  focusList: () => void;
  onOpen: (contactId: string, how: OpenHow) => void;
  onAddContact: () => void;
  onOpenSettings: () => void;
  onOpenNotifications: () => void;
}

/** The left pane: title, search, filter chips with counts, the contact list and "Add contact". */
export function Sidebar({
  searchRef,
  listHandle,
  focusList,
  onOpen,
  onAddContact,
  onOpenSettings,
  onOpenNotifications,
}: SidebarProps) {
  const store = useStore();
  const { sorted, counts } = useAppState(() => store.sorted());
  const selectedId = useAppState((s) => s.selectedId);
  const listOnly = useAppState((s) => s.listOnly);
  const screen = useAppState((s) => s.screen);
  const actions = useActions();
  const needsAccount = useAppState((s) => s.workspace?.kind === 'real' && !s.workspace.accountConfigured);
  const [filter, setFilter] = useState<FilterKey>('all');
  const [labelId, setLabelId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [importingChat, setImportingChat] = useState(false);
  // Typing stays instant with 10,000 contacts: the list catches up a frame later.
  const deferredQuery = useDeferredValue(query);
  // A notification about several contacts shows exactly them, whatever the chips and the search say.
  const rows = useMemo(() => {
    if (listOnly === null) return visibleRows(sorted, filter, deferredQuery, labelId);
    const only = new Set(listOnly);
    return sorted.filter((row) => only.has(row.contact.id));
  }, [sorted, filter, deferredQuery, listOnly, labelId]);
  const marks = useMarks(rows);

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      // Back to the list, keeping the results (and stopping the browser from clearing the box).
      event.preventDefault();
      event.stopPropagation();
      focusList();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusList();
    } else if (event.key === 'Enter') {
      const first = visibleRows(sorted, filter, query, labelId)[0];
      if (first) {
        event.preventDefault();
        onOpen(first.contact.id, 'keyboard');
      }
    }
  }

  const filterLabel = FILTERS.find((f) => f.key === filter)?.label ?? '';
  let empty: ReactNode = null;
  if (listOnly !== null && rows.length === 0) {
    empty = (
      <div className="list-empty">
        <p>These contacts are no longer in the list.</p>
      </div>
    );
  } else if (sorted.length === 0) {
    empty = (
      <div className="list-empty">
        <p>No contacts yet — import a chat export or add a contact.</p>
        <button type="button" className="primary" onClick={() => setImportingChat(true)}>
          Import a chat export
        </button>
        <button type="button" className="secondary" onClick={onAddContact}>
          Add your first contact
        </button>
        {needsAccount ? (
          <>
            <p>Or connect your WhatsApp Business number, so customers’ messages arrive here.</p>
            <button type="button" className="secondary" onClick={() => actions.connectWhatsApp()}>
              Connect WhatsApp
            </button>
          </>
        ) : null}
      </div>
    );
  } else if (rows.length === 0 && deferredQuery.trim() !== '') {
    empty = (
      <div className="list-empty">
        <p>No contact matches “{deferredQuery.trim()}”.</p>
      </div>
    );
  } else if (rows.length === 0) {
    empty = (
      <div className="list-empty">
        <p>No contacts are “{filterLabel}” right now.</p>
      </div>
    );
  }

  return (
    <section className="sidebar" aria-label="Contact list">
      <header className="sidebar-header">
        <h1 className="app-title">
          <span className="app-logo" aria-hidden="true">
            ◔
          </span>
          CareWindow
        </h1>
        <NotificationBell
          onOpen={onOpenNotifications}
          onShowClosing={() => {
            store.showAllContacts();
            setFilter('closing');
          }}
        />
      </header>
      <nav className="sidebar-nav" aria-label="Screens">
        {SCREEN_BUTTONS.map(([target, label]) => (
          <button
            key={target}
            type="button"
            className="ghost"
            aria-pressed={screen === target}
            // A toggle: pressing the screen that is showing goes back to the conversation.
            onClick={() => store.showScreen(screen === target ? 'conversation' : target)}
          >
            {label}
          </button>
        ))}
        <button type="button" className="ghost" onClick={onOpenSettings}>
          <Settings size={14} aria-hidden="true" /> Settings
        </button>
      </nav>
      <div className="search">
        <span className="search-icon" aria-hidden="true">
          <Search size={14} />
        </span>
        <input
          ref={searchRef}
          type="search"
          aria-label="Search contacts"
          placeholder="Search name or number"
          value={query}
          onChange={(event) => {
            store.showAllContacts();
            setQuery(event.target.value);
          }}
          onKeyDown={onSearchKeyDown}
          spellCheck={false}
          autoComplete="off"
        />
        <kbd className="search-shortcut" aria-hidden="true">
          {isMac() ? '⌘K' : 'Ctrl K'}
        </kbd>
      </div>
      <div className="chips" role="group" aria-label="Show contacts by window state">
        {FILTERS.map(({ key, label }) => (
          <button
            key={key}
            type="button"
            className={`chip chip-${key}`}
            aria-pressed={listOnly === null && filter === key}
            onClick={() => {
              store.showAllContacts();
              setFilter(filter === key && listOnly === null ? 'all' : key);
            }}
          >
            {label} <span className="chip-count">{counts[key]}</span>
          </button>
        ))}
      </div>
      <div className="list-tools">
        <LabelFilter value={labelId} onChange={setLabelId} />
        <WindowStatesLegend />
        <MarkedBar marks={marks} />
      </div>
      <FirstRunHint />
      {listOnly !== null ? <ListRestriction count={rows.length} /> : null}
      <div className="list-area">
        {empty ?? (
          <ContactList
            rows={rows}
            selectedId={selectedId}
            onOpen={onOpen}
            handle={listHandle}
            marked={marks.marked}
            onMark={marks.mark}
          />
        )}
      </div>
      <footer className="sidebar-footer">
        <button type="button" className="secondary add-contact" onClick={onAddContact}>
          <Plus size={14} aria-hidden="true" /> Add contact
        </button>
        <DataMenu />
      </footer>
      {importingChat ? <ImportChatDialog onClose={() => setImportingChat(false)} /> : null}
    </section>
  );
}
