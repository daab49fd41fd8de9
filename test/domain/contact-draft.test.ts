import { describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../main/contract/model';
import { validateContactDraft } from '../../main/domain/contact-draft';

const NOW = Date.UTC(2026, 10, 25, 12);
const draft = (patch: Partial<ContactDraft> = {}): ContactDraft => ({
  name: 'Maria Jansen',
  phone: '06 1234 5678',
  notes: '',
  fields: {},
  optIn: { status: 'none', at: null, source: null, proof: '' },
  ...patch,
});

describe('validateContactDraft', () => {
  it('normalises name, phone and fields', () => {
    const result = validateContactDraft(
      draft({ name: '  Maria   Jansen ', fields: { ticket_ID: ' T-1 ', empty: '' } }),
      'NL',
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      contact: {
        name: 'Maria Jansen',
        phone: '+31612345678',
        notes: '',
        fields: { ticket_ID: 'T-1' },
        optIn: { status: 'none', at: null, source: null, proof: '' },
      },
    });
  });

  it('reports every problem against its field', () => {
    const result = validateContactDraft(
      draft({
        name: '  ',
        phone: 'abc',
        fields: { '1bad': 'x' },
        optIn: { status: 'opted-in', at: NOW + 1, source: null, proof: '' },
      }),
      'NL',
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'fields.1bad',
      'name',
      'optIn.at',
      'optIn.source',
      'phone',
    ]);
    expect(result.errors['optIn.at']).toMatch(/future/);
  });

  it('refuses absurd opt-in dates and over-long names', () => {
    const old = validateContactDraft(
      draft({ optIn: { status: 'opted-in', at: Date.UTC(1990, 0, 1), source: 'website', proof: '' } }),
      'NL',
      NOW,
    );
    expect(old.ok).toBe(false);
    const long = validateContactDraft(draft({ name: 'x'.repeat(121) }), 'NL', NOW);
    expect(long.ok || long.errors.name).toMatch(/under 120/);
  });

  it('dates an opt-in without a date at now', () => {
    const result = validateContactDraft(
      draft({ optIn: { status: 'opted-in', at: null, source: 'in-store', proof: 'form' } }),
      'NL',
      NOW,
    );
    expect(result.ok && result.contact.optIn).toEqual({
      status: 'opted-in',
      at: NOW,
      source: 'in-store',
      proof: 'form',
    });
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])(
    'takes a custom field named %s like any other',
    (key) => {
      const result = validateContactDraft(draft({ fields: { [key]: 'x', other: 'y' } }), 'NL', NOW);
      expect(result).toMatchObject({ ok: true, contact: { fields: { [key]: 'x', other: 'y' } } });
      if (result.ok) expect(Object.keys(result.contact.fields)).toEqual([key, 'other']);
    },
  );

  it('still says when one field is typed twice', () => {
    const result = validateContactDraft(draft({ fields: { ticket: '1', ' ticket ': '2' } }), 'NL', NOW);
    expect(result.ok || result.errors['fields. ticket ']).toMatch(/appears twice/);
  });

  it('strips control characters, escapes and direction overrides from what is typed', () => {
    const result = validateContactDraft(
      draft({
        name: 'Maria\u0000 \u001B[31mJansen\u202E',
        notes: 'Line one\nline\u0007 two',
        fields: { ticket_ID: 'T-\u001B[0m1\u200B' },
        optIn: { status: 'opted-in', at: null, source: 'in-store', proof: 'signed\u0000 form' },
      }),
      'NL',
      NOW,
    );
    expect(result).toMatchObject({
      ok: true,
      contact: {
        name: 'Maria Jansen',
        notes: 'Line one\nline two',
        fields: { ticket_ID: 'T-1' },
        optIn: { proof: 'signed form' },
      },
    });
  });

  it.each(['\u200B', '\u200B\u200D \u202E', '\u0000\u001B[0m', '\u3164'])(
    'refuses a name %j that shows nothing',
    (name) => {
      const result = validateContactDraft(draft({ name }), 'NL', NOW);
      expect(result.ok || result.errors.name).toMatch(/Enter a name/);
    },
  );
});
