import { useCallback, useMemo, useRef, useState } from 'react';
import type { ContactRow } from '../../../../main/contract/model';
import { isMac } from '../keys';
import type { MarkHow } from '../ContactList';
import { LabelDialog } from './LabelDialog';

export interface Marks {
  /** Marked contacts that are still in the list shown. */
  marked: ReadonlySet<string>;
  rows: readonly ContactRow[];
  mark: (contactId: string, how: MarkHow) => void;
  markAll: () => void;
  clear: () => void;
}

/**
 * Which contacts are marked for "Label…": Ctrl/⌘-click or Space toggles one, Shift-click marks the rows
 * from the last one marked. A contact that leaves the list shown (a filter, a search) is no longer marked,
 * so "Label…" never touches a contact the owner cannot see.
 */
export function useMarks(rows: readonly ContactRow[]): Marks {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const marked = useMemo(() => {
    if (chosen.size === 0) return chosen;
    return new Set(rows.filter((row) => chosen.has(row.contact.id)).map((row) => row.contact.id));
  }, [rows, chosen]);
  const markedRows = useMemo(() => rows.filter((row) => marked.has(row.contact.id)), [rows, marked]);

  const mark = useCallback(
    (contactId: string, how: MarkHow) => {
      const next = new Set(marked);
      const from = anchor.current === null ? -1 : rows.findIndex((r) => r.contact.id === anchor.current);
      const to = rows.findIndex((r) => r.contact.id === contactId);
      if (how === 'range' && from >= 0 && to >= 0) {
        for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
          const id = rows[i]?.contact.id;
          if (id !== undefined) next.add(id);
        }
      } else if (next.has(contactId)) next.delete(contactId);
      else next.add(contactId);
      anchor.current = contactId;
      setChosen(next);
    },
    [rows, marked],
  );

  return {
    marked,
    rows: markedRows,
    mark,
    markAll: () => setChosen(new Set(rows.map((row) => row.contact.id))),
    clear: () => {
      anchor.current = null;
      setChosen(new Set());
    },
  };
}

/** "3 marked · Label… · Clear", or "Mark all shown" while nothing is marked. */
export function MarkedBar({ marks }: { marks: Marks }) {
  const [labelling, setLabelling] = useState(false);
  const count = marks.marked.size;
  const key = isMac() ? '⌘' : 'Ctrl';
  return (
    <>
      {count === 0 ? (
        <button
          type="button"
          className="link-button"
          title={`Or ${key}-click contacts (Shift-click for a range) to mark them`}
          onClick={marks.markAll}
        >
          Mark all shown
        </button>
      ) : (
        <span className="marked-bar" role="group" aria-label="Marked contacts">
          <span role="status">{count} marked</span>
          <button type="button" className="secondary" onClick={() => setLabelling(true)}>
            Label…
          </button>
          <button type="button" className="link-button" onClick={marks.clear}>
            Clear
          </button>
        </span>
      )}
      {labelling ? (
        <LabelDialog
          rows={marks.rows}
          onClose={() => {
            setLabelling(false);
          }}
        />
      ) : null}
    </>
  );
}
