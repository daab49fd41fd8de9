import { useState } from 'react';
import type { ContactRow } from '../../../../main/contract/model';
import { useAppState, useStore } from '../../state/context';
import { Dialog } from '../Dialog';
import { DialogActions } from '../DialogActions';

type Choice = 'all' | 'some' | 'none';

/**
 * "Label…" for the marked contacts (or one): a checkbox per label, checked when every one of them has it
 * and mixed when some have it. Only the labels the owner changes are applied, in one write.
 */
export function LabelDialog({ rows, onClose }: { rows: readonly ContactRow[]; onClose: () => void }) {
  const store = useStore();
  const labels = useAppState((s) => s.settings.labels);
  const [initial] = useState(() => {
    const choices = new Map<string, Choice>();
    for (const label of labels) {
      const having = rows.filter((row) => row.contact.labels?.includes(label.id)).length;
      choices.set(label.id, having === 0 ? 'none' : having === rows.length ? 'all' : 'some');
    }
    return choices;
  });
  const [choices, setChoices] = useState(initial);
  const [busy, setBusy] = useState(false);
  const who = rows.length === 1 ? (rows[0]?.contact.name ?? '1 contact') : `${rows.length} contacts`;

  async function apply() {
    const add: string[] = [];
    const remove: string[] = [];
    for (const [id, choice] of choices) {
      if (choice === initial.get(id)) continue;
      if (choice === 'all') add.push(id);
      if (choice === 'none') remove.push(id);
    }
    if (add.length > 0 || remove.length > 0) {
      setBusy(true);
      const done = await store.applyLabels(
        rows.map((row) => row.contact.id),
        add,
        remove,
      );
      setBusy(false);
      if (!done) return;
    }
    onClose();
  }

  return (
    <Dialog title={`Labels for ${who}`} onClose={onClose} className="label-dialog">
      {labels.length === 0 ? (
        <p>There are no labels yet. Add some in Settings › Labels.</p>
      ) : (
        <div className="label-picker" role="group" aria-label="Labels">
          {labels.map((label) => {
            const choice = choices.get(label.id) ?? 'none';
            return (
              <label key={label.id}>
                <input
                  type="checkbox"
                  checked={choice === 'all'}
                  aria-checked={choice === 'some' ? 'mixed' : choice === 'all'}
                  ref={(input) => {
                    if (input) input.indeterminate = choice === 'some';
                  }}
                  onChange={() =>
                    setChoices(new Map(choices).set(label.id, choice === 'all' ? 'none' : 'all'))
                  }
                />{' '}
                <span className={`label-chip label-${label.colour}`} dir="auto">
                  {label.name}
                </span>
              </label>
            );
          })}
        </div>
      )}
      <DialogActions onCancel={onClose}>
        <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
          Apply
        </button>
      </DialogActions>
    </Dialog>
  );
}
