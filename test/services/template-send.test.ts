import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import type { Template } from '../../main/contract/model';
import { buttonMappingKey } from '../../main/domain/templates/send-parts';
import { CloudApiProvider } from '../../main/providers/cloud-api/cloud-api-provider';
import { silentNotifier } from '../../main/services/notifier';
import { WorkspaceSession } from '../../main/services/workspace-session';
import { FakeClock } from '../support/fake-clock';
import type { FakeGraphApi } from '../support/fake-graph-api';
import { RecordingPublisher, sequentialIds, silentLog } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { useFakeGraph } from '../support/use-fake-graph';
import { CUSTOMER, textMessage } from '../support/webhook-fixtures';
import { T0 } from './harness';
import { HOUR } from './outbox-kit';

/**
 * Templates with a photo or document header and with buttons, sent through the owner's real workspace
 * session and the Cloud API provider over HTTP to the fake Graph API: the stored sample uploaded first
 * and named by the id the upload answered, a document's file name, a URL button's suffix from the
 * contact's field, quick-reply payloads; and a suffix that cannot be filled refused before any request.
 */

const graph = useFakeGraph();
const tempDir = useTempDirs();
const cleanup = useCleanup();

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 3)]);
const PDF = Buffer.from('%PDF-1.4\n% the price list\n');

async function rig() {
  const clock = new FakeClock(T0);
  const provider = new CloudApiProvider(() => graph.settings, silentLog);
  const session = await WorkspaceSession.open('real', {
    dataRoot: await tempDir(),
    clock,
    scheduler: clock,
    publisher: new RecordingPublisher(),
    provider,
    log: silentLog,
    ids: sequentialIds,
    systemLocale: 'nl-NL',
    systemTimeZone: 'Europe/Amsterdam',
    notifier: silentNotifier('no notifications in tests'),
    random: () => 0,
  });
  cleanup.push(async () => {
    provider.close();
    await session.close();
  });
  // The customer wrote an hour ago: the window is open, a template may go any time.
  await provider.deliver(
    JSON.stringify(textMessage('wamid.IN1', 'Is my order ready?', String((T0 - HOUR) / 1000))),
  );
  const contact = session.store.contactByPhone(`+${CUSTOMER.waId}`);
  if (!contact) throw new Error('no contact from the webhook');
  return { session, contact };
}

/** A sample as template submission keeps it: template-samples/<id>.<ext> in the workspace. */
async function keepSample(session: WorkspaceSession, name: string, bytes: Buffer): Promise<string> {
  await mkdir(path.join(session.store.dir, 'template-samples'), { recursive: true });
  await writeFile(path.join(session.store.dir, 'template-samples', name), bytes);
  return `template-samples/${name}`;
}

function template(overrides: Partial<Template>): Template {
  return {
    id: 'tpl-1',
    name: 'order_ready',
    language: 'en',
    category: 'utility',
    status: 'approved',
    body: 'Hi {{1}}, your order is ready.',
    header: null,
    footer: 'Fietsen Jansen',
    buttons: [],
    mapping: { '1': { kind: 'field', field: 'first_name' } },
    createdAt: T0 - 10 * HOUR,
    updatedAt: T0 - 10 * HOUR,
    source: 'platform',
    ...overrides,
  };
}

const requestsTo = (api: FakeGraphApi, end: string) => api.requests.filter((r) => r.route.endsWith(end));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('templates with a media header and buttons (Cloud API payloads)', () => {
  it('uploads the stored photo, then names it by the uploaded id; URL suffix from a field, quick-reply payloads', async () => {
    const { session, contact } = await rig();
    await session.store.saveContact({ ...contact, name: 'Maria Jansen', fields: { order_id: 'A 17/3' } });
    const sample = await keepSample(session, 'tpl-1.jpg', JPEG);
    await session.store.saveTemplate(
      template({
        headerMedia: { kind: 'image', sample, fileName: 'bike.jpg', mimeType: 'image/jpeg' },
        buttons: ['Track order', 'Yes', 'Call us'],
        buttonSpecs: [
          { type: 'url', text: 'Track order', url: 'https://shop.example/orders/{{1}}', example: 'A1' },
          { type: 'quick_reply', text: 'Yes' },
          { type: 'phone_number', text: 'Call us', phone: '+31201234567' },
        ],
        mapping: {
          '1': { kind: 'field', field: 'first_name' },
          [buttonMappingKey(0)]: { kind: 'field', field: 'order_id' },
        },
      }),
    );

    const sent = await session.followUps.sendTemplate(contact.id, 'tpl-1');

    const [upload] = requestsTo(graph.api, '/media');
    expect(upload?.form?.fields).toEqual({ messaging_product: 'whatsapp', type: 'image/jpeg' });
    expect(upload?.form?.file?.bytes.equals(JPEG)).toBe(true);
    const [message] = requestsTo(graph.api, '/messages');
    expect(message?.body).toMatchObject({
      type: 'template',
      template: {
        name: 'order_ready',
        language: { code: 'en' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { id: 'media.upload.1' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Maria' }] },
          // The field's space is encoded, its slash kept: the suffix is part of the address.
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A%2017/3' }] },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '1',
            parameters: [{ type: 'payload', payload: 'Yes' }],
          },
        ],
      },
    });
    // A phone button is fixed in the template: nothing is sent for it.
    const components = (message?.body as { template: { components: unknown[] } }).template.components;
    expect(components).toHaveLength(4);
    expect(sent).toMatchObject({ status: 'sent', text: 'Hi Maria, your order is ready.' });
  });

  it('sends a document header with its file name', async () => {
    const { session, contact } = await rig();
    const sample = await keepSample(session, 'tpl-1.pdf', PDF);
    await session.store.saveTemplate(
      template({
        body: 'Here is our new price list.',
        mapping: {},
        headerMedia: { kind: 'document', sample, fileName: 'Prices 2027.pdf', mimeType: 'application/pdf' },
      }),
    );
    await session.followUps.sendTemplate(contact.id, 'tpl-1');
    const [upload] = requestsTo(graph.api, '/media');
    expect(upload?.form?.file).toMatchObject({ fileName: 'Prices 2027.pdf', type: 'application/pdf' });
    const [message] = requestsTo(graph.api, '/messages');
    expect(message?.body).toMatchObject({
      template: {
        components: [
          {
            type: 'header',
            parameters: [
              { type: 'document', document: { id: 'media.upload.1', filename: 'Prices 2027.pdf' } },
            ],
          },
        ],
      },
    });
  });

  it('refuses, before any request, a URL button whose suffix field the contact does not have', async () => {
    const { session, contact } = await rig();
    await session.store.saveContact({ ...contact, name: 'Maria Jansen', fields: {} });
    const sample = await keepSample(session, 'tpl-1.jpg', JPEG);
    await session.store.saveTemplate(
      template({
        headerMedia: { kind: 'image', sample, fileName: 'bike.jpg', mimeType: 'image/jpeg' },
        buttons: ['Track order'],
        buttonSpecs: [
          { type: 'url', text: 'Track order', url: 'https://shop.example/orders/{{1}}', example: 'A1' },
        ],
        mapping: {
          '1': { kind: 'field', field: 'first_name' },
          [buttonMappingKey(0)]: { kind: 'field', field: 'order_id' },
        },
      }),
    );
    const error = await refusal(session.followUps.sendTemplate(contact.id, 'tpl-1'));
    expect(error.message).toContain('{{1}} in the “Track order” button would be empty (no “order_id”)');
    expect(session.followUps.preview(contact.id, 'tpl-1').missing).toEqual([
      { placeholder: '{{1}} in the “Track order” button', field: 'order_id' },
    ]);
    expect(requestsTo(graph.api, '/media')).toEqual([]);
    expect(requestsTo(graph.api, '/messages')).toEqual([]);
  });

  it('refuses a media header it has no file for, in plain words, before any request', async () => {
    const { session, contact } = await rig();
    await session.store.saveTemplate(
      template({ headerMedia: { kind: 'video', sample: null, fileName: null, mimeType: null } }),
    );
    const error = await refusal(session.followUps.sendTemplate(contact.id, 'tpl-1'));
    expect(error.message).toMatch(/shows a video at the top, and CareWindow has no copy of it/);
    expect(graph.api.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
