import type { TemplatePreviewModel } from '../../../../main/domain/templates/template-preview';

const MEDIA_WORD = { image: 'Photo', video: 'Video', document: 'Document' } as const;

/**
 * A template as the customer will see it on their phone: header (a line of bold text, or the photo,
 * video or document), the filled text, the grey footer and the buttons under the bubble.
 */
export function TemplatePreview({
  preview,
  label = 'Preview',
}: {
  preview: TemplatePreviewModel;
  label?: string;
}) {
  const { header } = preview;
  return (
    <figure className="template-preview" aria-label={label}>
      <div className="template-preview-bubble">
        {header === null ? null : header.kind === 'text' ? (
          <p className="template-preview-header" dir="auto">
            {header.text}
          </p>
        ) : (
          <p className={`template-preview-media template-preview-${header.kind}`}>
            {MEDIA_WORD[header.kind]}
            {header.fileName ? `: ${header.fileName}` : ''}
          </p>
        )}
        <p className="template-preview-body" dir="auto">
          {preview.body}
        </p>
        {preview.footer ? (
          <p className="template-preview-footer" dir="auto">
            {preview.footer}
          </p>
        ) : null}
      </div>
      {preview.buttons.length > 0 ? (
        <ul className="template-preview-buttons" aria-label="Buttons the customer sees">
          {preview.buttons.map((b, i) => (
            <li key={`${i}-${b.text}`} title={b.detail || undefined}>
              {b.text}
              {b.type === 'url' ? ' ↗' : b.type === 'phone_number' ? ' ☎' : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
