import { useState } from 'react';
import type { Template } from '../../../../main/contract/model';
import { useApi, useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { Dialog } from '../Dialog';
import { FormProblem } from '../FormProblem';

/** "Delete ticket_update?" — the template goes from CareWindow only, never from WhatsApp Manager. */
export function DeleteTemplateDialog({
  template,
  onClose,
  onDeleted,
}: {
  template: Template;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const api = useApi();
  const store = useStore();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    try {
      await api.templates.remove(template.id);
      store.dropTemplate(template.id);
      onDeleted();
    } catch (caught) {
      setError(errorMessage(caught));
      setDeleting(false);
    }
  }

  return (
    <Dialog
      title={`Delete ${template.name}?`}
      onClose={onClose}
      className="confirm-dialog"
      description={
        <p>
          CareWindow will no longer use it for follow-ups. It stays in WhatsApp Manager, so you can add it
          again later.
        </p>
      }
    >
      <FormProblem message={error} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Keep template
        </button>
        <button
          type="button"
          className="primary danger"
          aria-disabled={deleting || undefined}
          onClick={() => void remove()}
        >
          {deleting ? 'Deleting…' : 'Delete template'}
        </button>
      </div>
    </Dialog>
  );
}
