import type { Contact } from '../contract/model';

/**
 * A contact CareWindow makes itself, knowing only a name and a number: one who wrote in, one from a chat
 * export, one rebuilt from a history whose record was lost. None of these says anything about consent,
 * so no opt-in is assumed.
 */
export function unconsentedContact(id: string, name: string, phone: string, at: number): Contact {
  return {
    id,
    name,
    phone,
    notes: '',
    fields: {},
    optIn: { status: 'none', at: null, source: null, proof: '' },
    optInHistory: [],
    optInRequestedAt: null,
    muted: false,
    createdAt: at,
    updatedAt: at,
  };
}
