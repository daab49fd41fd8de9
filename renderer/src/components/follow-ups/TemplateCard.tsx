import type { FollowUpPreview, Template } from '../../../../main/contract/model';

/**
 * The template as the customer will see it: header, the body exactly as it will be sent (read-only),
 * footer and buttons; or which placeholders cannot be filled yet.
 */
export function TemplateCard({
  template,
  preview,
  loading,
  contactName,
}: {
  template: Template | null;
  preview: FollowUpPreview | null;
  loading: boolean;
  contactName: string;
}) {
  return (
    <div className="template-card" aria-busy={loading}>
      {template?.header ? <p className="template-header">{template.header}</p> : null}
      {loading ? <p className="template-note">Preparing the preview…</p> : null}
      {preview !== null && preview.text !== null ? (
        <textarea
          className="template-text"
          aria-label="Text that will be sent"
          readOnly
          rows={Math.min(8, preview.text.split('\n').length + 1)}
          value={preview.text}
        />
      ) : null}
      {preview !== null && preview.text === null && preview.missing.length > 0 ? (
        <div className="template-note">
          <p>Not every placeholder can be filled yet:</p>
          <ul>
            {preview.missing.map((m) => (
              <li key={m.placeholder}>
                {m.placeholder} —{' '}
                {m.field === null ? 'not linked to a contact field' : `${contactName} has no ${m.field}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {template?.footer ? <p className="template-footer">{template.footer}</p> : null}
      {template && template.buttons.length > 0 ? (
        <ul className="template-buttons" aria-label="Template buttons">
          {template.buttons.map((label, index) => (
            <li key={`${index}-${label}`}>{label}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
