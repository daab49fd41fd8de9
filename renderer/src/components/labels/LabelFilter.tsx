import { useState } from 'react';
import { useAppState } from '../../state/context';

/**
 * "Labels": opens a row of label toggles; pressing one shows only contacts with that label (with the
 * chips and the search), pressing it again shows everyone. Buttons, not a <select>: a select's options
 * would sit beside the contact list's own options for assistive technology.
 */
export function LabelFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (labelId: string | null) => void;
}) {
  const labels = useAppState((s) => s.settings.labels);
  const [open, setOpen] = useState(false);
  if (labels.length === 0) return null;
  const current = labels.find((label) => label.id === value);
  return (
    <>
      <button
        type="button"
        className="ghost"
        aria-expanded={open || value !== null}
        onClick={() => {
          if (open && value !== null) onChange(null);
          setOpen(!open);
        }}
      >
        {current ? `Label: ${current.name}` : 'Labels'}
      </button>
      {open || value !== null ? (
        <span className="label-chips" role="group" aria-label="Show contacts with label">
          {labels.map((label) => (
            <button
              key={label.id}
              type="button"
              className={`label-chip label-${label.colour}`}
              aria-pressed={value === label.id}
              onClick={() => onChange(value === label.id ? null : label.id)}
            >
              {label.name}
            </button>
          ))}
        </span>
      ) : null}
    </>
  );
}
