import type { Contact, Template } from '../contract/model';
import type { SendFill } from '../domain/templates/send-parts';
import type { OutboundRequest } from './ports';

type TemplateRequest = Extract<OutboundRequest, { kind: 'template' }>;
type FilledSend = Extract<SendFill, { ok: true }>;

/** The extension's type, for a sample stored without one (the platform needs the upload's MIME type). */
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  pdf: 'application/pdf',
};

/**
 * What the provider is asked for one template send: the filled body, the buttons' values and, for a
 * template with a photo, video or document header, the file that goes with it (its stored sample, which
 * the outbox reads before each attempt). A header without a file cannot be sent at all (WhatsApp refuses
 * the message): the refusal in plain words, before anything is queued.
 */
export function templateSendRequest(
  template: Template,
  contact: Pick<Contact, 'phone'>,
  fill: FilledSend,
): { ok: true; request: TemplateRequest } | { ok: false; why: string } {
  const request: TemplateRequest = {
    kind: 'template',
    to: contact.phone,
    template: { name: template.name, language: template.language },
    text: fill.text,
    parameters: fill.parameters,
    ...(fill.buttons.length > 0 ? { buttons: fill.buttons } : {}),
  };
  const media = template.headerMedia ?? null;
  if (media === null) return { ok: true, request };
  const what = media.kind === 'image' ? 'photo' : media.kind;
  if (media.sample === null) {
    return {
      ok: false,
      why: `“${template.name}” shows a ${what} at the top, and CareWindow has no copy of it (the template was made outside CareWindow). Choose another template, or submit this one again from CareWindow with its ${what}.`,
    };
  }
  const stored = media.sample.split('/').pop() ?? media.sample;
  const extension = stored.split('.').pop()?.toLowerCase() ?? '';
  const mimeType = media.mimeType ?? TYPE_BY_EXTENSION[extension] ?? 'application/octet-stream';
  const header = { kind: media.kind, file: media.sample, mimeType, fileName: media.fileName ?? stored };
  return { ok: true, request: { ...request, header } };
}
