import type { OutboundRequest } from '../../services/ports';
import { templateButtonComponents } from '../whatsapp-formats';

/**
 * The `components` of a template message, as Meta documents the send payload:
 * - header: `{ type: "header", parameters: [{ type: "image" | "video" | "document", <type>: { id } }] }`,
 *   the media by the id an upload answered (or a `link`); a document may carry `filename`, which the
 *   customer sees (Media and Interactive Message Templates,
 *   https://developers.facebook.com/docs/whatsapp/api/messages/message-templates/interactive-message-templates/);
 * - body: the text parameters (`bodyParameters`);
 * - one `{ type: "button", sub_type, index }` per button that takes a value: a quick reply with
 *   `parameters: [{ type: "payload", payload }]` (returned with the customer's tap), a URL button with
 *   `parameters: [{ type: "text", text }]`, the suffix appended to the URL registered with the template;
 *   `index` is the button's position, as a string (Meta's WhatsApp Node.js SDK reference, "Component
 *   Object" and "Button Parameter Object": https://whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/types/component_object).
 * A phone number button is fixed in the template and takes nothing.
 */
const POSITIONAL = /^\d+$/;

type BodyParameter = { type: 'text'; text: string } | { type: 'text'; parameter_name: string; text: string };

/**
 * The body component's parameters. Positional templates ({{1}}, {{2}}) take them in number order; templates
 * with named placeholders ({{ticket_id}}) take each with its `parameter_name`.
 */
export function bodyParameters(parameters: readonly { name: string; value: string }[]): BodyParameter[] {
  if (parameters.every((p) => POSITIONAL.test(p.name))) {
    return [...parameters]
      .sort((a, b) => Number(a.name) - Number(b.name))
      .map((p) => ({ type: 'text', text: p.value }));
  }
  return parameters.map((p) => ({ type: 'text', parameter_name: p.name, text: p.value }));
}

export function templateComponents(
  request: Extract<OutboundRequest, { kind: 'template' }>,
  mediaId?: string,
): Record<string, unknown>[] {
  const components: Record<string, unknown>[] = [];
  const header = request.header;
  if (header) {
    const name = header.kind === 'document' ? { filename: header.fileName } : {};
    components.push({
      type: 'header',
      parameters: [{ type: header.kind, [header.kind]: { id: mediaId ?? '', ...name } }],
    });
  }
  if (request.parameters.length > 0)
    components.push({ type: 'body', parameters: bodyParameters(request.parameters) });
  components.push(...templateButtonComponents(request.buttons ?? []));
  return components;
}
