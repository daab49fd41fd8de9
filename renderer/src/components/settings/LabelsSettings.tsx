import { useId, useState } from 'react';
import { LabelColour, MAX_LABELS, type Label } from '../../../../main/contract/model';
import { useAppState, useStore } from '../../state/context';
import { useBusyRun } from '../use-busy-run';

const COLOUR_NAMES: Record<LabelColour, string> = {
  green: 'Green',
  blue: 'Blue',
  yellow: 'Yellow',
  orange: 'Orange',
  red: 'Red',
  purple: 'Purple',
  teal: 'Teal',
  grey: 'Grey',
};

/** A new label's id: stable across renames, so the contacts that carry it keep it. */
function newLabelId(taken: readonly Label[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `label-${n}`;
    if (!taken.some((label) => label.id === id)) return id;
  }
}

/**
 * The owner's labels: rename (saved when the field is left), recolour, delete, add. Deleting a label
 * takes it off every contact (their rows simply stop showing it).
 */
export function LabelsSettings() {
  const store = useStore();
  const labels = useAppState((s) => s.settings.labels);
  const ids = useId();
  const { busy, problem, run } = useBusyRun();
  const [names, setNames] = useState<Record<string, string>>({});
  const save = (next: Label[]) =>
    void run(async () => {
      await store.updateSettings({ labels: next });
      setNames({});
    });
  const replace = (id: string, change: Partial<Label>) =>
    labels.map((label) => (label.id === id ? { ...label, ...change } : label));

  return (
    <fieldset className="field-group" aria-describedby={`${ids}-hint`}>
      <legend>Labels</legend>
      <p className="field-hint" id={`${ids}-hint`}>
        Mark contacts with labels to find them again. Changes are saved at once.
      </p>
      {labels.map((label) => (
        <div key={label.id} className="label-editor-row">
          <input
            type="text"
            dir="auto"
            aria-label={`Name of the label ${label.name}`}
            value={names[label.id] ?? label.name}
            maxLength={40}
            disabled={busy}
            onChange={(event) => setNames({ ...names, [label.id]: event.target.value })}
            onBlur={() => {
              const typed = names[label.id];
              if (typed !== undefined && typed.trim() !== label.name)
                save(replace(label.id, { name: typed }));
            }}
          />
          <select
            aria-label={`Colour of the label ${label.name}`}
            value={label.colour}
            disabled={busy}
            className={`label-chip label-${label.colour}`}
            onChange={(event) => save(replace(label.id, { colour: LabelColour.parse(event.target.value) }))}
          >
            {LabelColour.options.map((colour) => (
              <option key={colour} value={colour}>
                {COLOUR_NAMES[colour]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="link-button"
            aria-label={`Delete the label ${label.name}`}
            disabled={busy}
            onClick={() => save(labels.filter((l) => l.id !== label.id))}
          >
            Delete
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        disabled={busy || labels.length >= MAX_LABELS}
        onClick={() =>
          save([
            ...labels,
            { id: newLabelId(labels), name: `New label ${labels.length + 1}`, colour: 'grey' },
          ])
        }
      >
        Add a label
      </button>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
