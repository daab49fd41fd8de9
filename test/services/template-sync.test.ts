import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteTemplate } from '../../main/domain/templates/remote-template';
import type { TemplateSource } from '../../main/services/template-sync';
import type { WorkspaceSession } from '../../main/services/workspace-session';
import { FakeClock } from '../support/fake-clock';
import { useTempDirs } from '../support/temp-dir';
import { T0 } from './harness';
import { customerWhoWrote, HOUR, openSession, ScriptedProvider } from './outbox-kit';

const tempDir = useTempDirs();
const open: WorkspaceSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const remote = (patch: Partial<RemoteTemplate> = {}): RemoteTemplate => ({
  name: 'order_ready',
  language: 'nl',
  category: 'UTILITY',
  status: 'APPROVED',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Your order' },
    { type: 'BODY', text: 'Hoi {{1}}, order {{2}} is ready.' },
    { type: 'FOOTER', text: 'De Winkel' },
  ],
  qualityScore: 'GREEN',
  rejectedReason: null,
  ...patch,
});

/** The account's template list, as the test says it is now. */
class Account implements TemplateSource {
  templates: RemoteTemplate[] = [];
  fetchTemplates() {
    return Promise.resolve({ ok: true as const, templates: this.templates, skipped: 0 });
  }
}

async function start(source?: TemplateSource) {
  const provider = new ScriptedProvider();
  const { session, clock } = await openSession(
    await tempDir(),
    provider,
    new FakeClock(T0),
    source ? { templateSource: source } : {},
  );
  open.push(session);
  return { session, clock, provider };
}

describe('template sync', () => {
  it('says clearly that no account is connected', async () => {
    const { session } = await start();
    await expect(session.templateSync.sync()).rejects.toThrow(/No WhatsApp account is connected/);
  });

  it('adds the account’s templates, keeps the owner’s mappings across syncs and reports status changes', async () => {
    const account = new Account();
    account.templates = [remote()];
    const { session } = await start(account);

    expect(await session.templateSync.sync()).toMatchObject({
      added: ['order_ready'],
      text: '1 new: order_ready',
    });
    const [synced] = session.templates.list();
    expect(synced).toMatchObject({
      name: 'order_ready',
      category: 'utility',
      status: 'approved',
      body: 'Hoi {{1}}, order {{2}} is ready.',
      header: 'Your order',
      footer: 'De Winkel',
      source: 'platform',
      quality: 'GREEN',
    });
    if (!synced) throw new Error('no template');

    // The owner maps the placeholders; the form cannot make it "approved" by hand.
    const mapping = {
      '1': { kind: 'field', field: 'first_name' },
      '2': { kind: 'fixed', value: 'A-17' },
    } as const;
    await session.templates.save({ ...synced, status: 'approved', mapping }, synced.id);

    account.templates = [remote({ status: 'PAUSED' })];
    const summary = await session.templateSync.sync();
    expect(summary.text).toBe('1 changed: order_ready paused');
    const after = session.templates.list()[0];
    expect(after).toMatchObject({ id: synced.id, status: 'paused', mapping });

    // A form save cannot put it back to approved: the status comes from WhatsApp.
    if (!after) throw new Error('no template');
    expect(await session.templates.save({ ...after, status: 'approved' }, after.id)).toMatchObject({
      status: 'paused',
    });
    expect((await session.templateSync.sync()).text).toBe('Your templates are up to date.');
  });

  it('a paused template can no longer be sent', async () => {
    const account = new Account();
    account.templates = [
      remote({ status: 'PAUSED', components: [{ type: 'BODY', text: 'Your order is ready.' }] }),
    ];
    const { session, clock, provider } = await start(account);
    await session.templateSync.sync();
    const contactId = await customerWhoWrote({ session, clock }, provider, { ago: 25 * HOUR });
    const template = session.templates.list()[0];
    await expect(session.followUps.send(contactId, template?.id ?? '')).rejects.toThrow(
      /paused, not approved/,
    );
    expect(provider.requests).toEqual([]);
  });

  it('disables a platform template that left the account, and skips one it cannot hold', async () => {
    const account = new Account();
    account.templates = [remote()];
    const { session } = await start(account);
    await session.templateSync.sync();
    account.templates = [remote({ name: 'Bad Name!' })];
    const summary = await session.templateSync.sync();
    expect(summary).toMatchObject({ removed: ['order_ready'], skipped: 1 });
    expect(session.templates.list()[0]).toMatchObject({ status: 'disabled' });
  });
});
