import type { Template } from '../../../../main/contract/model';
import { CATEGORY_WORD, STATUS_WORD } from '../../format/follow-up-text';

/** Every template with its language, category and status (word and colour), and its actions. */
export function TemplateTable({
  templates,
  onEdit,
  onDelete,
}: {
  templates: readonly Template[];
  onEdit: (template: Template) => void;
  onDelete: (template: Template) => void;
}) {
  if (templates.length === 0) {
    return (
      <p className="screen-empty">
        No templates yet — add the templates you have approved in WhatsApp Manager to follow up after a window
        closes.
      </p>
    );
  }
  return (
    <table className="templates-table">
      <caption className="visually-hidden">Your templates</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Language</th>
          <th scope="col">Category</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {templates.map((template) => (
          <tr key={template.id}>
            <th scope="row" className="template-name">
              {template.name}
            </th>
            <td>{template.language}</td>
            <td>{CATEGORY_WORD[template.category]}</td>
            <td>
              <span className={`status-badge status-${template.status}`}>{STATUS_WORD[template.status]}</span>
            </td>
            <td className="row-actions">
              <button
                type="button"
                className="ghost"
                aria-label={`Edit ${template.name} (${template.language})`}
                onClick={() => onEdit(template)}
              >
                Edit
              </button>
              <button
                type="button"
                className="ghost danger"
                aria-label={`Delete ${template.name} (${template.language})`}
                onClick={() => onDelete(template)}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
