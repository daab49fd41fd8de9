import { ContactRow, type WindowState } from '../../main/contract/model';
import { DAY, HOUR, T0 } from './moments';

/**
 * Contact rows as main sends them, for the pure list functions (order, filters, search) that take rows
 * as given. Each row goes through the contract's schema, so it is one main could send; the window is
 * stated, not computed (tests that need a computed window use the real main process, render-app.tsx).
 */
export interface RowSpec {
  id: string;
  name: string;
  phone?: string;
  state?: WindowState;
  expiresAt?: number;
  followUp?: ContactRow['window']['followUp'];
  followUpSentAt?: number | null;
  /** The customer wrote last and has no answer yet (only meaningful for an open window). */
  waiting?: boolean;
}

let sequence = 0;

export function makeRow(spec: RowSpec): ContactRow {
  const state = spec.state ?? 'none';
  const expiresAt = state === 'none' ? null : (spec.expiresAt ?? T0 + 3 * HOUR);
  const lastInboundAt = expiresAt === null ? null : expiresAt - DAY;
  return ContactRow.parse({
    contact: {
      id: spec.id,
      name: spec.name,
      phone: spec.phone ?? `+3161234${String(1000 + ++sequence).slice(-4)}`,
      notes: '',
      fields: {},
      optIn: { status: 'opted-in', at: T0 - 30 * DAY, source: 'in-store', proof: '' },
      createdAt: T0 - 60 * DAY,
      updatedAt: T0 - 60 * DAY,
    },
    activity: {
      lastInboundAt,
      lastOutboundAt: null,
      lastFollowUpAt: null,
      lastMessage:
        lastInboundAt === null ? null : { text: 'Hello!', at: lastInboundAt, direction: 'inbound' },
      messageCount: lastInboundAt === null ? 0 : 1,
    },
    window: {
      state,
      openedAt: lastInboundAt,
      expiresAt,
      nextChangeAt: state === 'open' || state === 'closing' ? expiresAt : null,
      followUp:
        spec.followUp ?? (state === 'awaiting-reply' ? 'sent' : state === 'closed' ? 'ready' : 'not-needed'),
      followUpSentAt: spec.followUpSentAt ?? (state === 'awaiting-reply' ? T0 - HOUR : null),
    },
    waiting: spec.waiting ?? false,
  });
}
