import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../main/contract/model';
import { buttonMappingKey } from '../../main/domain/templates/send-parts';
import type { WorkspaceSession } from '../../main/services/workspace-session';
import { platformTemplate } from '../support/templates';
import { T0 } from './harness';
import { JPEG, PDF, refusal, requestsTo, useMediaRig } from './media-send-kit';
import { HOUR } from './outbox-kit';

/**
 * Templates with a photo or document header and with buttons, sent through the owner's real workspace
 * session and the Cloud API provider over HTTP to the fake Graph API: the stored sample uploaded first
 * and named by the id the upload answered, a document's file name, a URL button's suffix from the
 * contact's field, quick-reply payloads; and a suffix that cannot be filled refused before any request.
 */

const { graph, rig } = useMediaRig();

/** A sample as template submission keeps it: template-samples/<id>.<ext> in the workspace. */
async function keepSample(session: WorkspaceSession, name: string, bytes: Buffer): Promise<string> {
  await mkdir(path.join(session.store.dir, 'template-samples'), { recursive: true });
  await writeFile(path.join(session.store.dir, 'template-samples', name), bytes);
  return `template-samples/${name}`;
}

const template = (patch: Partial<Template>) => platformTemplate(T0 - 10 * HOUR, patch);

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
