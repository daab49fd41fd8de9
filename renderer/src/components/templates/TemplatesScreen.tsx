import { useState } from 'react';
import type { Template } from '../../../../main/contract/model';
import { templateLabel } from '../../format/follow-up-text';
import { useApi, useAppState, useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { FormProblem } from '../FormProblem';
import { ScreenFrame } from '../screens/ScreenFrame';
import { DeleteTemplateDialog } from './DeleteTemplateDialog';
import { SubmitTemplateForm } from './SubmitTemplateForm';
import { TemplateForm } from './TemplateForm';
import { TemplateTable } from './TemplateTable';

/** The form being shown: a new template (null) or one to edit (its id); undefined shows the list. */
export type TemplateEdit = string | null | undefined;

/**
 * The owner's templates as registered in WhatsApp Manager: the list with each status, a form to add or
 * change one (with where each placeholder's value comes from), and delete after a confirmation.
 */
export function TemplatesScreen({ initialEdit }: { initialEdit?: TemplateEdit }) {
  const api = useApi();
  const store = useStore();
  const templates = useAppState((s) => s.templates);
  const [editing, setEditing] = useState<TemplateEdit>(initialEdit);
  const [deleting, setDeleting] = useState<Template | null>(null);
  // "New template for approval": written here and submitted to WhatsApp (SubmitTemplateForm).
  const [composing, setComposing] = useState(false);
  const [notice, setNotice] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  // A connected number's templates come from WhatsApp, with their status (approved, paused…).
  const connected = useAppState((s) => s.workspace?.kind === 'real' && s.workspace.accountConfigured);
  const [syncing, setSyncing] = useState(false);
  const [syncProblem, setSyncProblem] = useState<string | null>(null);
  const template =
    editing === undefined || editing === null ? null : (templates?.find((t) => t.id === editing) ?? null);
  const showForm = editing === null || template !== null || composing;

  async function reload() {
    setLoadError(null);
    try {
      store.setTemplates(await api.templates.list());
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }

  async function sync() {
    setSyncing(true);
    setSyncProblem(null);
    setNotice('');
    try {
      // The library itself arrives through `templates:changed`, as after any other change.
      const summary = await api.templates.sync();
      setNotice(`Synced from WhatsApp: ${summary.text}`);
    } catch (error) {
      setSyncProblem(errorMessage(error));
    } finally {
      setSyncing(false);
    }
  }

  return (
    <ScreenFrame
      title="Templates"
      focusKey={notice}
      intro={<p>Templates approved in WhatsApp Manager, and how their placeholders are filled.</p>}
      actions={
        showForm ? null : (
          <>
            {connected ? (
              <button type="button" className="secondary" disabled={syncing} onClick={() => void sync()}>
                {syncing ? 'Syncing…' : 'Sync templates from WhatsApp'}
              </button>
            ) : null}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setNotice('');
                setEditing(null);
              }}
            >
              Add template
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setNotice('');
                setComposing(true);
              }}
            >
              New template for approval
            </button>
          </>
        )
      }
    >
      <p className="screen-notice" role="status">
        {notice}
      </p>
      <FormProblem message={syncProblem} />
      {composing ? (
        <SubmitTemplateForm
          onCancel={() => setComposing(false)}
          onSubmitted={(saved) => {
            setComposing(false);
            setNotice(
              `Template ${templateLabel(saved)} submitted to WhatsApp for approval. You will be notified when it is reviewed.`,
            );
          }}
        />
      ) : showForm ? (
        <TemplateForm
          key={editing ?? 'new'}
          template={template}
          onCancel={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setNotice(`Template ${templateLabel(saved)} saved.`);
          }}
        />
      ) : templates === null ? (
        <FormProblem
          message={loadError ?? 'The templates could not be loaded.'}
          onRetry={() => void reload()}
        />
      ) : (
        <TemplateTable
          templates={templates}
          onEdit={(t) => {
            setNotice('');
            setEditing(t.id);
          }}
          onDelete={setDeleting}
        />
      )}
      {deleting !== null ? (
        <DeleteTemplateDialog
          template={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setNotice(`Template ${templateLabel(deleting)} deleted.`);
            setDeleting(null);
          }}
        />
      ) : null}
    </ScreenFrame>
  );
}
