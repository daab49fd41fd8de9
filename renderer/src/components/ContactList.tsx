import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { ContactRow } from '../../../main/contract/model';
import { BellOff, CalendarClock, SquareCheck } from 'lucide-react';
import { STATE_MARK } from '../format/window-text';
import { rowAccessibleName, rowWord, scheduledWords, snippetOf } from '../format/row-name';
import { useScheduledFor } from '../state/answer-faster';
import { useAppState, useCountdown, useFormatPrefs, useTimeDerived } from '../state/context';
import { LabelChips } from './labels/LabelChips';

/** Every row has the same height, so 10,000 contacts scroll without measuring anything. */
export const ROW_HEIGHT = 64;
const PAGE = 10;
/** Label chips a row shows before "+N". */
const ROW_CHIPS = 2;

export interface ContactListHandle {
  focus(): void;
  /** The contact under the keyboard cursor (or the open one), for shortcuts such as F. */
  activeId(): string | null;
}

export type OpenHow = 'pointer' | 'keyboard';

export interface ContactListProps {
  rows: readonly ContactRow[];
  selectedId: string | null;
  onOpen: (contactId: string, how: OpenHow) => void;
  handle?: Ref<ContactListHandle>;
  /** Contacts marked for "Label…" (Ctrl/⌘-click, Shift-click for a range, Space on the active row). */
  marked?: ReadonlySet<string>;
  onMark?: (contactId: string, how: MarkHow) => void;
}

/** `toggle`: one contact in or out; `range`: every row from the last one marked to this one. */
export type MarkHow = 'toggle' | 'range';

export function optionDomId(contactId: string): string {
  return `contact-option-${encodeURIComponent(contactId)}`;
}

/**
 * The contact list: a virtualised listbox. Focus stays on the listbox and `aria-activedescendant`
 * points at the row under the keyboard cursor; `aria-selected` marks the contact whose conversation is
 * open. ↑/↓ (and Home/End/PageUp/PageDown) move the cursor, Enter opens.
 */
export function ContactList({ rows, selectedId, onOpen, handle, marked, onMark }: ContactListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  // The keyboard cursor is valid only for the selection it was moved under; after any change of
  // selection (a click, Enter, "Open Maria") the cursor follows the selected contact again.
  const [cursor, setCursor] = useState<{ id: string; under: string | null } | null>(null);
  const activeId = cursor !== null && cursor.under === selectedId ? cursor.id : selectedId;
  const activeIndex = activeId === null ? -1 : rows.findIndex((row) => row.contact.id === activeId);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render on purpose; this component is not memoised by the React Compiler.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.contact.id ?? index,
  });

  useImperativeHandle(
    handle,
    () => ({ focus: () => listRef.current?.focus(), activeId: () => (activeIndex >= 0 ? activeId : null) }),
    [activeId, activeIndex],
  );

  // Bring the open contact into view when it is chosen from elsewhere (search, "Open Maria").
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((row) => row.contact.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when the selection moves, not on every re-sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  function moveTo(index: number) {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setCursor({ id: row.contact.id, under: selectedId });
    virtualizer.scrollToIndex(rows.indexOf(row), { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex < 0 ? 0 : activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex < 0 ? 0 : activeIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      PageDown: () => moveTo(activeIndex < 0 ? 0 : activeIndex + PAGE),
      PageUp: () => moveTo(activeIndex < 0 ? 0 : activeIndex - PAGE),
      ' ': () => {
        if (activeIndex >= 0 && activeId !== null) onMark?.(activeId, 'toggle');
      },
      Enter: () => {
        // No cursor (the list changed under it, e.g. a search narrowed it): Enter opens the first row.
        const target = activeIndex >= 0 ? activeId : (rows[0]?.contact.id ?? null);
        if (target !== null) onOpen(target, 'keyboard');
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  const items = virtualizer.getVirtualItems();
  const activeRendered = items.some((item) => item.index === activeIndex);

  return (
    <div
      ref={listRef}
      role="listbox"
      aria-label="Contacts"
      tabIndex={0}
      className="listbox"
      aria-activedescendant={activeRendered && activeId !== null ? optionDomId(activeId) : undefined}
      onKeyDown={onKeyDown}
      // A listbox that gets focus with nothing under the cursor puts it on the first row, so Enter
      // right after ↓ from the search box opens the first match.
      onFocus={() => {
        if (activeIndex < 0 && rows.length > 0) moveTo(0);
      }}
    >
      <div role="presentation" className="listbox-track" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <ContactOption
              key={item.key}
              row={row}
              index={item.index}
              setSize={rows.length}
              start={item.start}
              selected={row.contact.id === selectedId}
              active={item.index === activeIndex}
              marked={marked?.has(row.contact.id) ?? false}
              onOpen={onOpen}
              onMark={onMark}
            />
          );
        })}
      </div>
    </div>
  );
}

interface ContactOptionProps {
  row: ContactRow;
  index: number;
  setSize: number;
  start: number;
  selected: boolean;
  active: boolean;
  marked: boolean;
  onOpen: (contactId: string, how: OpenHow) => void;
  onMark: ((contactId: string, how: MarkHow) => void) | undefined;
}

/** One row. It re-renders when its row changes or when its own countdown text changes. */
const ContactOption = memo(function ContactOption({
  row,
  index,
  setSize,
  start,
  selected,
  active,
  marked,
  onOpen,
  onMark,
}: ContactOptionProps) {
  const { contact, window, activity } = row;
  const knownLabels = useAppState((s) => s.settings.labels);
  const countdown = useCountdown(window);
  const scheduledAt = useScheduledFor(contact.id)?.at ?? null;
  const { locale, timeZone } = useFormatPrefs();
  const scheduled = useTimeDerived((now) =>
    scheduledAt === null ? null : scheduledWords(scheduledAt, now, locale, timeZone),
  );
  const id = optionDomId(contact.id);
  const last = activity.lastMessage;
  const snippet = snippetOf(last);
  const classes = ['row', `state-${window.state}`];
  if (selected) classes.push('is-selected');
  if (active) classes.push('is-active');
  if (marked) classes.push('is-marked');
  if (row.unread > 0) classes.push('has-unread');
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-label={rowAccessibleName(row, countdown, knownLabels, marked, ROW_CHIPS, scheduled)}
      className={classes.join(' ')}
      style={{ transform: `translateY(${start}px)` }}
      onClick={(event) => {
        if (onMark && (event.ctrlKey || event.metaKey || event.shiftKey)) {
          event.preventDefault();
          onMark(contact.id, event.shiftKey ? 'range' : 'toggle');
        } else onOpen(contact.id, 'pointer');
      }}
    >
      <span className="mark row-mark" aria-hidden="true">
        {marked ? <SquareCheck size={14} /> : STATE_MARK[window.state]}
      </span>
      {/* Spaces between the parts: the visible text reads as words, as the accessible name does. */}
      <span className="row-name">
        <span dir="auto">{contact.name}</span>
        {/* The count is drawn by CSS from data-count: the accessible name says "2 unread messages". */}
        {row.unread > 0 ? <span className="unread-count" data-count={row.unread} aria-hidden="true" /> : null}
      </span>{' '}
      {/* Line by line, as the grid lays them out: a row half in view reads as the start (or end) of its name. */}
      <span className="row-countdown">{countdown}</span>{' '}
      <span className="row-word">
        {contact.muted ? (
          <span className="row-muted" title="Reminders muted">
            <BellOff size={12} aria-hidden="true" />{' '}
          </span>
        ) : null}
        {row.waiting ? <span className="waiting-word">{rowWord(row)}</span> : rowWord(row)}
      </span>{' '}
      <span
        className={last?.notSent !== undefined ? 'row-snippet row-not-sent' : 'row-snippet'}
        id={`${id}-snippet`}
        title={last?.notSent}
      >
        {scheduled === null ? null : (
          <>
            <span className="row-scheduled">
              <CalendarClock size={12} aria-hidden="true" /> {scheduled}
            </span>{' '}
          </>
        )}
        <LabelChips contact={contact} max={ROW_CHIPS} className="row-labels" /> <bdi>{snippet}</bdi>
      </span>
    </div>
  );
});
