import { describe, expect, it } from 'vitest';
import { Contact, type ContactDraft } from '../../main/contract/model';
import { keepOptInMoment } from '../../renderer/src/components/contact-editor/contact-form';

const AT = Date.parse('2026-03-14T15:47:12Z'); // 16:47 in Amsterdam
const ZONE = 'Europe/Amsterdam';

const opened = Contact.parse({
  id: 'c1',
  name: 'Maria',
  phone: '+31612345678',
  notes: '',
  fields: {},
  optIn: { status: 'opted-in', at: AT, source: 'in-store', proof: '' },
  createdAt: AT,
  updatedAt: AT,
});
const draft = (status: ContactDraft['optIn']['status'], at: number | null): ContactDraft => ({
  name: 'Maria',
  phone: '+31612345678',
  notes: 'new note',
  fields: {},
  optIn: { status, at, source: 'in-store', proof: '' },
});
const midnight = Date.parse('2026-03-13T23:00:00Z');

describe('keepOptInMoment', () => {
  it('sends the saved moment back when the owner left status and day alone', () => {
    expect(keepOptInMoment(draft('opted-in', midnight), opened, '2026-03-14', ZONE).optIn.at).toBe(AT);
  });
  it('uses the form when the day or the status changed', () => {
    expect(
      keepOptInMoment(draft('opted-in', midnight - 86_400_000), opened, '2026-03-13', ZONE).optIn.at,
    ).toBe(midnight - 86_400_000);
    expect(keepOptInMoment(draft('opted-out', midnight), opened, '2026-03-14', ZONE).optIn.at).toBe(midnight);
  });
  it('leaves a new contact alone', () => {
    expect(keepOptInMoment(draft('opted-in', midnight), null, '2026-03-14', ZONE).optIn.at).toBe(midnight);
  });
});
