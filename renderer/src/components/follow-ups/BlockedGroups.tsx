import { useId } from 'react';
import type { FollowUpOverview } from '../../../../main/contract/model';
import { SECOND } from '../../../../main/domain/durations';
import { REFUSAL_GROUPS, refusalText } from '../../format/follow-up-text';
import { useFormatPrefs, useTimeDerived } from '../../state/context';
import { RefusalFix } from './RefusalFix';

type Blocked = FollowUpOverview['blocked'][number];

/** Closed windows that cannot get a follow-up, grouped by why, each contact with the action that fixes it. */
export function BlockedGroups({ items }: { items: readonly Blocked[] }) {
  const groups = REFUSAL_GROUPS.map((group) => ({
    title: group.title,
    items: items.filter((item) => item.preview.refusal && group.codes.includes(item.preview.refusal.code)),
  }));
  const other = items.filter((item) => item.preview.refusal === null);
  if (other.length > 0) groups.push({ title: 'Other reasons', items: other });
  return (
    <>
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <BlockedGroup key={group.title} title={group.title} items={group.items} />
        ))}
    </>
  );
}

function BlockedGroup({ title, items }: { title: string; items: readonly Blocked[] }) {
  const headingId = useId();
  const { locale, timeZone } = useFormatPrefs();
  const now = useTimeDerived((t) => Math.floor(t / SECOND) * SECOND);
  return (
    <div role="group" aria-labelledby={headingId} className="blocked-group">
      <h4 id={headingId}>{title}</h4>
      <ul className="follow-up-list">
        {items.map(({ row, preview }) => (
          <li key={row.contact.id} className="follow-up-item">
            <div className="follow-up-who">
              <span className="follow-up-name">{row.contact.name}</span>
              <span className="follow-up-meta">
                {preview.refusal
                  ? refusalText(row, preview.refusal, now, locale, timeZone)
                  : 'A follow-up is not possible right now.'}
              </span>
            </div>
            <div className="follow-up-actions">
              <RefusalFix row={row} preview={preview} placement="list" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
