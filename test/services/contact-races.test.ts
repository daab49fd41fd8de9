import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import type { ContactDraft } from '../../main/contract/model';
import { useTempDirs } from '../support/temp-dir';
import { startApp, type Harness } from './harness';

const tempDir = useTempDirs();
const running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.app.close()));
});

async function real(): Promise<Harness> {
  const h = await startApp(await tempDir());
  running.push(h);
  await h.app.handlers.workspace.startReal();
  return h;
}

const draft = (patch: Partial<ContactDraft> = {}): ContactDraft => ({
  name: 'Maria Jansen',
  phone: '+31612345678',
  notes: '',
  fields: {},
  optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '' },
  ...patch,
});

describe('contacts changed at the same moment', () => {
  it('two messages from a new number at once create one contact', async () => {
    const h = await real();
    const from = '+31687654321';
    await Promise.all([
      h.app.simulator?.deliver({ from, profileName: 'Jan', text: 'Hoi', at: h.clock.now() }),
      h.app.simulator?.deliver({ from, profileName: 'Jan', text: 'Ben je open?', at: h.clock.now() + 1 }),
    ]);
    const rows = await h.app.handlers.contacts.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.activity.messageCount).toBe(2);
  });

  it('two saves of the same new number at once: one is saved, the other is refused as a duplicate', async () => {
    const h = await real();
    const results = await Promise.allSettled([
      h.app.handlers.contacts.create(draft()),
      h.app.handlers.contacts.create(draft({ name: 'Maria J.' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason instanceof AppError && refused.reason.code).toBe(
      'duplicate-phone',
    );
    expect(await h.app.handlers.contacts.list()).toHaveLength(1);
  });

  it('a STOP and a mute at the same moment both survive', async () => {
    const h = await real();
    const row = await h.app.handlers.contacts.create(draft());
    await Promise.all([
      h.app.simulator?.deliver({
        from: row.contact.phone,
        profileName: null,
        text: 'STOP',
        at: h.clock.now(),
      }),
      h.app.handlers.contacts.setMuted(row.contact.id, true),
    ]);
    const after = (await h.app.handlers.contacts.get(row.contact.id)).contact;
    expect(after.muted).toBe(true);
    expect(after.optIn.status).toBe('opted-out');
  });

  it('an edit made on a form opened before the customer wrote STOP is refused, not saved over the opt-out', async () => {
    const h = await real();
    const row = await h.app.handlers.contacts.create(draft());
    const openedAt = row.contact.updatedAt;
    h.clock.advance(60_000);
    await h.app.simulator?.deliver({
      from: row.contact.phone,
      profileName: null,
      text: 'stop',
      at: h.clock.now(),
    });
    let refusal: unknown = null;
    try {
      await h.app.handlers.contacts.update(row.contact.id, draft({ notes: 'VIP' }), openedAt);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('conflict');
    expect((refusal as AppError).message).toContain('changed while you were editing');
    const after = (await h.app.handlers.contacts.get(row.contact.id)).contact;
    expect(after.optIn.status).toBe('opted-out');
    expect(after.notes).toBe('');
    // With the current version the edit goes through and keeps the opt-out.
    const saved = await h.app.handlers.contacts.update(
      row.contact.id,
      { ...draft({ notes: 'VIP' }), optIn: { ...after.optIn } },
      after.updatedAt,
    );
    expect(saved.contact).toMatchObject({ notes: 'VIP', optIn: { status: 'opted-out' } });
  });
});
