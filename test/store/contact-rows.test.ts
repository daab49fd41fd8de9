import { describe, expect, it } from 'vitest';
import { Contact } from '../../main/contract/model';
import { CONTACT_KEYS, contactRow, isCanonicalContact } from '../../main/store/contact-rows';
import { CONTACTS_FILE } from '../../main/store/workspace-files';
import { upgrade } from '../../main/store/json-file-kind';
import { contact, T0 } from './store-test-kit';

const full = {
  ...contact('anna', { fields: { ticket_ID: 'T-1' }, marketingOptOutAt: T0, labels: ['vip'] }),
  optInHistory: [
    { at: T0, status: 'opted-in', source: 'in-store', by: 'owner', note: '', scope: 'marketing' },
  ],
};

/** One change each that zod may refuse, or accept only by changing the row. */
const variants: Record<string, unknown>[] = [
  { ...full, id: '' },
  { ...full, name: 'x'.repeat(121) },
  { ...full, phone: '0612345678' },
  { ...full, notes: 7 },
  { ...full, fields: { '1bad': 'x' } },
  { ...full, fields: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, 'x'])) },
  { ...full, optIn: { ...full.optIn, status: 'maybe' } },
  { ...full, optIn: { status: 'none', at: null, source: null } }, // proof missing: zod fills ''
  { ...full, optInHistory: [{ ...full.optInHistory[0], scope: 'all' }] },
  { ...full, optInRequestedAt: undefined },
  { ...full, marketingOptOutAt: 1 },
  { ...full, muted: 'no' },
  { ...full, labels: ['a', ''] },
  { ...full, createdAt: 1.5 },
  { ...full, extra: true }, // zod drops unknown keys
];

describe('the fast check of contact rows', () => {
  it('accepts a row CareWindow wrote, exactly as zod returns it', () => {
    expect(isCanonicalContact(full)).toBe(true);
    expect(Contact.parse(full)).toEqual(full);
  });

  it('never accepts a row that zod would refuse or change; those go to zod, which decides', () => {
    for (const row of variants) {
      const zod = Contact.safeParse(row);
      if (isCanonicalContact(row)) expect(zod.success && zod.data).toEqual(row);
      expect(contactRow(row).success).toBe(zod.success);
    }
  });

  it('knows every field of Contact (a new field must be added to the check too)', () => {
    expect([...CONTACT_KEYS].sort()).toEqual(Object.keys(Contact.shape).sort());
  });

  it('still refuses a damaged contacts.json, naming the row and field', () => {
    const result = upgrade(CONTACTS_FILE, { schemaVersion: 1, contacts: [full, { ...full, phone: 'x' }] });
    expect(result).toMatchObject({ ok: false, newer: false });
    expect(!result.ok && !result.newer && result.reason).toMatch(/contacts\.1\.phone/);
  });

  it('refuses a contact list that is not a list', () => {
    const result = upgrade(CONTACTS_FILE, { schemaVersion: 1, contacts: { 0: full } });
    expect(result).toMatchObject({ ok: false, newer: false });
    expect(!result.ok && !result.newer && result.reason).toMatch(/contacts/);
  });
});
