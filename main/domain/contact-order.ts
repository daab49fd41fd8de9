import type { ContactRow, WindowState } from '../contract/model';

/** The list answers "who needs me first": windows closing soonest, then closed ones, then the rest. */
const RANK: Record<WindowState, number> = {
  closing: 0,
  open: 0,
  closed: 1,
  'awaiting-reply': 2,
  none: 3,
};

export function compareRows(a: ContactRow, b: ContactRow): number {
  const rank = RANK[a.window.state] - RANK[b.window.state];
  if (rank !== 0) return rank;
  switch (a.window.state) {
    case 'open':
    case 'closing':
      // Soonest to close first.
      return (a.window.expiresAt ?? 0) - (b.window.expiresAt ?? 0) || byName(a, b);
    case 'closed': {
      // Those that can still get a follow-up first, most recently closed first.
      const ready = Number(b.window.followUp === 'ready') - Number(a.window.followUp === 'ready');
      return ready || (b.window.expiresAt ?? 0) - (a.window.expiresAt ?? 0) || byName(a, b);
    }
    case 'awaiting-reply':
      return (b.window.followUpSentAt ?? 0) - (a.window.followUpSentAt ?? 0) || byName(a, b);
    case 'none':
      return byName(a, b);
  }
}

function byName(a: ContactRow, b: ContactRow): number {
  return a.contact.name.localeCompare(b.contact.name) || a.contact.id.localeCompare(b.contact.id);
}

export function sortRows(rows: ContactRow[]): ContactRow[] {
  return [...rows].sort(compareRows);
}
