import type { Contact, Template, TemplateButtonSpec } from '../../contract/model';
import { fillTemplate, sourceValue, type FillResult, type MissingPlaceholder } from './fill';

/**
 * What a template send carries besides its body: the buttons' parameters, filled for one contact by the
 * same rules as the body (fill.ts). Pure. The platform's send payload for them (Cloud API template
 * messages, "components": a `button` component per button with `sub_type` and `index`; a quick reply
 * takes `{ type: "payload", payload }`, a URL button `{ type: "text", text }`, the suffix appended to the
 * URL registered with the template) is built by the providers.
 */

/**
 * Where a URL button's `{{1}}` suffix comes from: `Template.mapping` under "button.<index>". A dot can
 * never be in a body placeholder's name, so the key cannot meet one.
 */
export const buttonMappingKey = (index: number): string => `button.${String(index)}`;

const URL_PARAMETER = '{{1}}';

export type TemplateButtonParameter =
  { index: number; type: 'quick_reply'; payload: string } | { index: number; type: 'url'; text: string };

/** A body fill that also carries the buttons' parameters; still a FillResult for everything else. */
export type SendFill =
  | Extract<FillResult, { ok: false }>
  | (Extract<FillResult, { ok: true }> & {
      buttons: TemplateButtonParameter[];
      /** Each URL button's filled suffix by button index, for the preview. */
      urlSuffixes: Record<number, string>;
    });

type FillContact = Pick<Contact, 'name' | 'phone' | 'fields'>;

/** The buttons as the library knows them: without kinds (older or synced templates) they are labels only. */
function specsOf(template: Pick<Template, 'buttonSpecs'>): readonly TemplateButtonSpec[] {
  return template.buttonSpecs ?? [];
}

/** Whether this URL button ends in the one placeholder the platform allows there. */
export function urlTakesSuffix(button: TemplateButtonSpec): boolean {
  return button.type === 'url' && button.url.endsWith(URL_PARAMETER);
}

/**
 * The suffix becomes part of a web address: encoded so a space or "?" in a field cannot change which
 * page opens, slashes kept so a field holding "orders/123" still reads as a path.
 */
function urlSafe(value: string): string {
  return encodeURIComponent(value).replace(/%2F/gi, '/');
}

/**
 * Fills body and buttons for one contact. A quick reply's payload is its own label, so the button reply
 * that comes back reads the same whether WhatsApp reports the payload or the text (and the "Stop
 * promotions" check, which reads both, sees it). A URL button's suffix missing makes the send impossible,
 * exactly like an empty body placeholder: named in `missing` with the field it is mapped to.
 */
export function fillForSend(
  template: Pick<Template, 'body' | 'mapping' | 'buttonSpecs'>,
  contact: FillContact,
): SendFill {
  const body = fillTemplate(template.body, template.mapping, contact);
  const buttons: TemplateButtonParameter[] = [];
  const urlSuffixes: Record<number, string> = {};
  const missing: MissingPlaceholder[] = [];
  specsOf(template).forEach((button, index) => {
    if (button.type === 'quick_reply') buttons.push({ index, type: 'quick_reply', payload: button.text });
    if (button.type !== 'url' || !urlTakesSuffix(button)) return;
    const source = Object.hasOwn(template.mapping, buttonMappingKey(index))
      ? template.mapping[buttonMappingKey(index)]
      : undefined;
    const value = sourceValue(contact, source);
    if (value === null) {
      missing.push({
        placeholder: `${URL_PARAMETER} in the “${button.text}” button`,
        field: source?.kind === 'field' ? source.field : null,
      });
      return;
    }
    const text = urlSafe(value);
    buttons.push({ index, type: 'url', text });
    urlSuffixes[index] = text;
  });
  if (!body.ok) return { ...body, missing: [...body.missing, ...missing] };
  if (missing.length > 0) return { ok: false, missing, partial: body.text, broken: null };
  return { ...body, buttons, urlSuffixes };
}
