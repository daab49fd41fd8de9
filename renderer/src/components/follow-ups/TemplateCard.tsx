import type { Contact, FollowUpPreview, Template } from '../../../../main/contract/model';
import { fillForSend } from '../../../../main/domain/templates/send-parts';
import { previewOfTemplate } from '../../../../main/domain/templates/template-preview';
import { TemplatePreview } from '../templates/TemplatePreview';

/**
 * The template as the customer will see it: the header (a line, or the photo, video or document that
 * goes with it), the body exactly as main will send it, the footer and the buttons, a link button with
 * this customer's address; or, while placeholders cannot be filled, the template with its gaps and which
 * ones. The body is main's preview text; the buttons' values come from the same pure fill main sends
 * with (send-parts.ts), so the two cannot differ.
 */
export function TemplateCard({
  template,
  preview,
  loading,
  contact,
}: {
  template: Template | null;
  preview: FollowUpPreview | null;
  loading: boolean;
  contact: Pick<Contact, 'name' | 'phone' | 'fields'>;
}) {
  const filled = template ? fillForSend(template, contact) : null;
  const model =
    template === null
      ? null
      : previewOfTemplate(
          template,
          preview?.text ?? (filled && !filled.ok ? filled.partial : template.body),
          {
            urlSuffixes: filled?.ok ? filled.urlSuffixes : {},
          },
        );
  return (
    <div className="template-card" aria-busy={loading}>
      {loading ? <p className="template-note">Preparing the preview…</p> : null}
      {model !== null && preview !== null ? (
        <TemplatePreview preview={model} label={`What ${contact.name} will see`} />
      ) : null}
      {preview !== null && preview.text === null && preview.missing.length > 0 ? (
        <div className="template-note">
          <p>Not every placeholder can be filled yet:</p>
          <ul>
            {preview.missing.map((m) => (
              <li key={m.placeholder}>
                {m.placeholder} —{' '}
                {m.field === null ? 'not linked to a contact field' : `${contact.name} has no ${m.field}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
