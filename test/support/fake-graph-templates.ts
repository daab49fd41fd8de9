import type { FakeAnswer, RecordedRequest } from './fake-graph-api';

/**
 * The template side of the fake Graph API: creating a template (POST /{waba-id}/message_templates answers
 * `{ id, status: 'PENDING', category }`, as templates/template-management shows) and the Resumable Upload
 * API for header samples (GET /app → the app id; POST /{app-id}/uploads → `{ id: 'upload:…' }`;
 * POST /upload:… with the bytes → `{ h }`, https://developers.facebook.com/docs/graph-api/resumable-upload-api).
 * Created templates are kept, so the template list (GET …/message_templates) shows them with the status
 * a test gives them, and `statusWebhook` builds the `message_template_status_update` payload.
 */
export const FAKE_APP_ID = '880011223344';

export interface CreatedTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  body: Record<string, unknown>;
}

export class FakeTemplateLibrary {
  readonly created: CreatedTemplate[] = [];
  private sessions = 0;

  /** The default answer for a template or upload route; null when the route is not one of them. */
  answer(request: RecordedRequest, wabaId: string): FakeAnswer | null {
    const { method, route } = request;
    if (method === 'GET' && route === '/app') return { kind: 'json', body: { id: FAKE_APP_ID } };
    if (method === 'POST' && route === `/${FAKE_APP_ID}/uploads`) {
      this.sessions += 1;
      return { kind: 'json', body: { id: `upload:fake-session-${this.sessions}` } };
    }
    if (method === 'POST' && route.startsWith('/upload:')) {
      return { kind: 'json', body: { h: `4::fake-handle-${route.slice('/upload:'.length)}` } };
    }
    if (method === 'POST' && route === `/${wabaId}/message_templates`) {
      const body = isRecord(request.body) ? request.body : {};
      const created: CreatedTemplate = {
        id: String(9_000_000_000 + this.created.length + 1),
        name: typeof body.name === 'string' ? body.name : '',
        language: typeof body.language === 'string' ? body.language : '',
        category: typeof body.category === 'string' ? body.category : 'UTILITY',
        status: 'PENDING',
        body,
      };
      this.created.push(created);
      return { kind: 'json', body: { id: created.id, status: 'PENDING', category: created.category } };
    }
    if (method === 'GET' && route === `/${wabaId}/message_templates` && this.created.length > 0) {
      const data = this.created.map((t) => ({
        id: t.id,
        name: t.name,
        language: t.language,
        category: t.category,
        status: t.status,
        parameter_format: t.body.parameter_format,
        components: t.body.components,
      }));
      return { kind: 'json', body: { data, paging: { cursors: { before: '', after: '' } } } };
    }
    return null;
  }

  /** Sets a created template's status, as WhatsApp's review would. */
  judge(name: string, status: string): CreatedTemplate {
    const template = this.created.find((t) => t.name === name);
    if (!template) throw new Error(`FakeTemplateLibrary: no template ${name} was created`);
    template.status = status;
    return template;
  }
}

/** A `message_template_status_update` webhook payload (webhooks/reference/message_template_status_update). */
export function statusWebhook(
  wabaId: string,
  template: Pick<CreatedTemplate, 'id' | 'name' | 'language' | 'status'>,
  reason = 'NONE',
  time = 1_764_000_000,
): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: wabaId,
        time,
        changes: [
          {
            field: 'message_template_status_update',
            value: {
              event: template.status,
              message_template_id: Number(template.id),
              message_template_name: template.name,
              message_template_language: template.language,
              reason,
            },
          },
        ],
      },
    ],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
