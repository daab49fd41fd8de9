import { describe, expect, it } from 'vitest';
import { fetchTemplates } from '../../../main/providers/cloud-api/template-sync';
import { useFakeGraph } from '../../support/use-fake-graph';

const fake = useFakeGraph();

const ticketUpdate = {
  id: '111',
  name: 'ticket_update',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  parameter_format: 'NAMED',
  components: [
    { type: 'BODY', text: 'We have a new update regarding your ticket {{ticket_id}}.', example: { x: 1 } },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] },
  ],
  quality_score: { score: 'GREEN', date: 1764000000 },
  some_new_field: true,
};
const springSale = {
  id: '222',
  name: 'spring_sale',
  language: 'nl',
  category: 'MARKETING',
  status: 'REJECTED',
  rejected_reason: 'PROMOTIONAL',
  components: [{ type: 'BODY', text: 'Lente! {{1}}' }],
};
const appealed = { ...springSale, id: '333', name: 'appealed', status: 'SOMETHING_NEW' };

describe('template sync', () => {
  it('follows the cursor to the second page and keeps every template', async () => {
    const route = `/${fake.api.wabaId}/message_templates`;
    fake.api.answer(
      'GET',
      route,
      {
        kind: 'json',
        body: {
          data: [ticketUpdate],
          paging: {
            cursors: { before: 'b1', after: 'a1' },
            next: `${fake.api.baseUrl}/v26.0${route}?after=a1`,
          },
        },
      },
      {
        kind: 'json',
        body: { data: [springSale, appealed], paging: { cursors: { before: 'b2', after: 'a2' } } },
      },
    );

    const result = await fetchTemplates(fake.settings);

    expect(fake.api.requests.map((r) => r.query.after)).toEqual([undefined, 'a1']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.templates.map((t) => [t.name, t.status])).toEqual([
      ['ticket_update', 'APPROVED'],
      ['spring_sale', 'REJECTED'],
      ['appealed', 'SOMETHING_NEW'],
    ]);
    expect(result.templates[0]).toMatchObject({
      id: '111',
      language: 'en_US',
      category: 'UTILITY',
      parameterFormat: 'NAMED',
      qualityScore: 'GREEN',
      rejectedReason: null,
    });
    expect(result.templates[0]?.components[0]).toMatchObject({
      type: 'BODY',
      text: expect.stringContaining('{{ticket_id}}') as unknown,
    });
    expect(result.templates[1]).toMatchObject({ rejectedReason: 'PROMOTIONAL', qualityScore: null });
  });

  it('skips an entry it cannot read and says how many', async () => {
    fake.api.answer('GET', `/${fake.api.wabaId}/message_templates`, {
      kind: 'json',
      body: { data: [ticketUpdate, { name: 42 }], paging: {} },
    });

    expect(await fetchTemplates(fake.settings)).toMatchObject({ ok: true, skipped: 1 });
  });

  it('reports the platform error (expired token) instead of an empty library', async () => {
    fake.api.answer('GET', `/${fake.api.wabaId}/message_templates`, {
      kind: 'error',
      error: 'expired-token',
    });

    expect(await fetchTemplates(fake.settings)).toMatchObject({ ok: false, error: { code: 190 } });
  });
});
