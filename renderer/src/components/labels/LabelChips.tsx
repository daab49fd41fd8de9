import type { Contact } from '../../../../main/contract/model';
import { labelsOf } from '../../../../main/domain/labels';
import { Fragment } from 'react';
import { useAppState } from '../../state/context';

/**
 * A contact's labels as coloured chips, in the settings' order; each chip carries its name, so colour is
 * never the only signal. `max` keeps a row readable: the rest is "+N".
 */
export function LabelChips({
  contact,
  max,
  className,
}: {
  contact: Pick<Contact, 'labels'>;
  max?: number;
  className?: string;
}) {
  const known = useAppState((s) => s.settings.labels);
  const labels = labelsOf(contact, known);
  if (labels.length === 0) return null;
  const shown = max === undefined ? labels : labels.slice(0, max);
  const more = labels.length - shown.length;
  return (
    <span
      className={`label-chips${className ? ` ${className}` : ''}`}
      title={labels.map((l) => l.name).join(', ')}
    >
      {/* A space after each chip (not drawn in the flex box) keeps the names apart as words. */}
      {shown.map((label) => (
        <Fragment key={label.id}>
          <span className={`label-chip label-${label.colour}`} dir="auto">
            {label.name}
          </span>{' '}
        </Fragment>
      ))}
      {more > 0 ? <span className="label-chip label-grey">+{more}</span> : null}
    </span>
  );
}

/** "labels New order, Paid", for a row's accessible name; empty without labels. */
export function labelsWords(contact: Pick<Contact, 'labels'>, known: Parameters<typeof labelsOf>[1]): string {
  const labels = labelsOf(contact, known);
  return labels.length === 0 ? '' : `, labels ${labels.map((l) => l.name).join(', ')}`;
}
