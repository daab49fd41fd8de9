import { afterEach, describe, expect, it } from 'vitest';
import { TemplateSubmissionDraft, type TemplateSubmissionInput } from '../../main/contract/model';
import { RecordingNotifier } from '../../main/platform/preview/recording-notifier';
import { CloudApiProvider } from '../../main/providers/cloud-api/cloud-api-provider';
import type { WorkspaceSession } from '../../main/services/workspace-session';
import { FakeClock } from '../support/fake-clock';
import { FAKE_APP_ID, statusWebhook } from '../support/fake-graph-templates';
import { silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';
import { useFakeGraph } from '../support/use-fake-graph';
import { T0 } from './harness';
import { openSession } from './outbox-kit';

/**
 * "New template for approval" below the IPC layer: the owner's real workspace on real files, the Cloud API
 * provider over real HTTP to the fake Graph API, status webhooks handed to the provider as the webhook
 * processing step does.
 */
const fake = useFakeGraph();
const tempDir = useTempDirs();
const open: WorkspaceSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start() {
  const provider = new CloudApiProvider(() => fake.settings, silentLog);
  const notifier = new RecordingNotifier();
  const { session, clock } = await openSession(await tempDir(), provider, new FakeClock(T0), {
    templateSubmitter: provider,
    templateSource: provider,
    notifier,
  });
  open.push(session);
  return { session, provider, notifier, clock };
}

const draft = (patch: Partial<TemplateSubmissionInput> = {}) =>
  TemplateSubmissionDraft.parse({
    name: 'order_ready',
    language: 'en',
    category: 'utility',
    body: 'Hi {{first_name}}, your order {{order_id}} is ready.',
    examples: { first_name: 'Ann', order_id: 'A-1042' },
    mapping: {
      first_name: { kind: 'field', field: 'first_name' },
      order_id: { kind: 'fixed', value: 'your order' },
    },
    ...patch,
  });

const creations = () =>
  fake.api.requests.filter((r) => r.route === `/${fake.api.wabaId}/message_templates` && r.method === 'POST');

describe('submitting a template for approval', () => {
  it('posts a named template with its examples and keeps it as pending with the platform’s id', async () => {
    const { session } = await start();
    const saved = await session.templateSubmission.submit(
      draft({
        footer: 'De Winkel',
        buttons: [{ type: 'url', text: 'Track', url: 'https://shop.nl/t/{{1}}', example: 'A-1042' }],
      }),
    );
    expect(creations().map((r) => r.body)).toEqual([
      {
        name: 'order_ready',
        language: 'en',
        category: 'UTILITY',
        parameter_format: 'NAMED',
        components: [
          {
            type: 'BODY',
            text: 'Hi {{first_name}}, your order {{order_id}} is ready.',
            example: {
              body_text_named_params: [
                { param_name: 'first_name', example: 'Ann' },
                { param_name: 'order_id', example: 'A-1042' },
              ],
            },
          },
          { type: 'FOOTER', text: 'De Winkel' },
          {
            type: 'BUTTONS',
            buttons: [
              {
                type: 'URL',
                text: 'Track',
                url: 'https://shop.nl/t/{{1}}',
                example: ['https://shop.nl/t/A-1042'],
              },
            ],
          },
        ],
      },
    ]);
    expect(saved).toMatchObject({
      status: 'pending',
      source: 'platform',
      remoteId: fake.api.templates.created[0]?.id,
    });
    expect(session.templates.list().map((t) => [t.name, t.status])).toEqual([['order_ready', 'pending']]);
  });

  it('posts positional examples in number order and a text header with its example', async () => {
    const { session } = await start();
    await session.templateSubmission.submit(
      draft({
        body: 'Order {{2}} for {{1}} is ready.',
        examples: { 1: 'Ann', 2: 'A-1042' },
        mapping: { 1: { kind: 'field', field: 'name' }, 2: { kind: 'fixed', value: 'x' } },
        headerFormat: 'text',
        headerText: 'Order {{1}}',
        headerExample: 'A-1042',
      }),
    );
    const body = creations()[0]?.body as { parameter_format: string; components: unknown[] };
    expect(body.parameter_format).toBe('POSITIONAL');
    expect(body.components.slice(0, 2)).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1042'] } },
      { type: 'BODY', text: 'Order {{2}} for {{1}} is ready.', example: { body_text: [['Ann', 'A-1042']] } },
    ]);
  });

  it('uploads a photo header through the resumable upload API and submits its handle', async () => {
    const { session } = await start();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(700_000, 7)]);
    const staged = session.templateSubmission.stageSample({
      fileName: 'shop.jpg',
      mimeType: 'image/jpeg',
      size: bytes.length,
    });
    await session.templateSubmission.sampleChunk({
      sampleId: staged.sampleId,
      offset: 0,
      data: bytes.subarray(0, 400_000).toString('base64'),
    });
    const done = await session.templateSubmission.sampleChunk({
      sampleId: staged.sampleId,
      offset: 400_000,
      data: bytes.subarray(400_000).toString('base64'),
    });
    expect(done.received).toBe(bytes.length);

    const saved = await session.templateSubmission.submit(
      draft({ headerFormat: 'image', headerSample: done }),
    );
    const routes = fake.api.requests.map((r) => `${r.method} ${r.route}`);
    expect(routes).toEqual([
      'GET /app',
      `POST /${FAKE_APP_ID}/uploads`,
      'POST /upload:fake-session-1',
      `POST /${fake.api.wabaId}/message_templates`,
    ]);
    const session1 = fake.api.requests[1];
    expect(session1?.query).toMatchObject({
      file_name: 'shop.jpg',
      file_length: String(bytes.length),
      file_type: 'image/jpeg',
    });
    const upload = fake.api.requests[2];
    expect(upload?.bytes).toBe(bytes.length);
    expect(upload?.headers.authorization).toBe(`OAuth ${fake.api.token}`);
    expect(upload?.headers.file_offset).toBe('0');
    const body = creations()[0]?.body as { components: unknown[] };
    expect(body.components[0]).toEqual({
      type: 'HEADER',
      format: 'IMAGE',
      example: { header_handle: ['4::fake-handle-fake-session-1'] },
    });
    expect(saved.headerMedia).toMatchObject({
      kind: 'image',
      fileName: 'shop.jpg',
      sample: expect.stringMatching(/^template-samples\//) as string,
    });
  });

  it('refuses in the form’s words before anything is sent, and shows the platform’s refusal in plain words', async () => {
    const { session } = await start();
    await expect(
      session.templateSubmission.submit(draft({ body: '{{first_name}}, ready.' })),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      fields: { body: expect.stringMatching(/cannot start with a placeholder/) as string },
    });
    expect(fake.api.requests).toEqual([]);

    fake.api.answer('POST', `/${fake.api.wabaId}/message_templates`, {
      kind: 'json',
      status: 400,
      body: {
        error: {
          message: '(#100) Invalid parameter',
          code: 100,
          error_subcode: 2388023,
          error_user_title: 'Message template language is being deleted',
          error_user_msg:
            'New English content can’t be added while the existing English content is being deleted. Try again in 4 weeks.',
        },
      },
    });
    await expect(session.templateSubmission.submit(draft())).rejects.toMatchObject({
      code: 'send-failed',
      message: expect.stringMatching(
        /^WhatsApp did not accept the template: Message template language is being deleted: New English content .* \(WhatsApp error 100\/2388023\)\. Change what it names/,
      ) as string,
    });
    expect(session.templates.list()).toEqual([]);
  });

  it('follows the status webhooks: approved, then rejected with the reason and what to do', async () => {
    const { session, provider, notifier } = await start();
    await session.templateSubmission.submit(draft());
    const created = fake.api.templates.created[0];
    if (!created) throw new Error('not created');

    await provider.deliver(
      JSON.stringify(statusWebhook(fake.api.wabaId, { ...created, status: 'APPROVED' })),
    );
    // A redelivery of the same webhook changes nothing and tells nobody twice.
    await provider.deliver(
      JSON.stringify(statusWebhook(fake.api.wabaId, { ...created, status: 'APPROVED' })),
    );
    expect(session.templates.list()[0]?.status).toBe('approved');

    await provider.deliver(
      JSON.stringify(statusWebhook(fake.api.wabaId, { ...created, status: 'REJECTED' }, 'PROMOTIONAL')),
    );
    expect(session.templates.list()[0]).toMatchObject({ status: 'rejected', platformNote: 'PROMOTIONAL' });
    await session.reminders.idle();

    expect(notifier.shown.map((n) => [n.kind, n.title])).toEqual([
      ['template', 'Template approved: order_ready (en)'],
      ['template', 'Template rejected: order_ready (en)'],
    ]);
    expect(notifier.shown[1]?.body).toMatch(
      /does not match its category .* Submit it again as a marketing template/,
    );
    expect(session.reminders.centre().notifications.map((n) => n.title)).toContain(
      'Template rejected: order_ready (en)',
    );
  });

  it('tells the owner when a sync finds the status changed, and keeps what was submitted', async () => {
    const { session, notifier } = await start();
    await session.templateSubmission.submit(draft({ buttons: [{ type: 'quick_reply', text: 'Thanks' }] }));
    fake.api.templates.judge('order_ready', 'APPROVED');
    expect((await session.templateSync.sync()).text).toBe('1 changed: order_ready approved');
    await session.reminders.idle();
    expect(notifier.shown.map((n) => n.title)).toEqual(['Template approved: order_ready (en)']);
    expect(session.templates.list()[0]).toMatchObject({
      status: 'approved',
      remoteId: fake.api.templates.created[0]?.id,
      buttonSpecs: [{ type: 'quick_reply', text: 'Thanks' }],
    });
  });

  it('says to connect first when no account is connected', async () => {
    const provider = new CloudApiProvider(() => fake.settings, silentLog);
    const { session } = await openSession(await tempDir(), provider);
    open.push(session);
    await expect(session.templateSubmission.submit(draft())).rejects.toThrow(
      /Connect your WhatsApp number first/,
    );
  });
});
