import type { FollowUpOverview } from '../../../../main/contract/model';
import { SECOND } from '../../../../main/domain/durations';
import { formatAgo } from '../../format/durations';
import { templateLabel } from '../../format/follow-up-text';
import { useAppState, useTimeDerived } from '../../state/context';
import { useActions } from '../actions';

export type Eligible = FollowUpOverview['eligible'][number];

export interface RowSend {
  sending: boolean;
  error: string | null;
}

/** Contacts whose closed window can get its one follow-up: one click sends it. */
export function EligibleList({
  items,
  sends,
  onSend,
}: {
  items: readonly Eligible[];
  sends: ReadonlyMap<string, RowSend>;
  onSend: (item: Eligible) => void;
}) {
  const actions = useActions();
  const templates = useAppState((s) => s.templates);
  const now = useTimeDerived((t) => Math.floor(t / SECOND) * SECOND);
  if (items.length === 0) {
    return <p className="screen-empty">No closed windows are waiting for a follow-up right now.</p>;
  }
  return (
    <ul className="follow-up-list" aria-label="Ready for a follow-up">
      {items.map(({ row, preview }) => {
        const { id, name } = row.contact;
        const template = templates?.find((t) => t.id === preview.templateId);
        const closed =
          row.window.expiresAt === null ? 'closed' : `closed ${formatAgo(now - row.window.expiresAt)}`;
        const send = sends.get(id);
        const errorId = `follow-up-error-${encodeURIComponent(id)}`;
        return (
          <li key={id} className="follow-up-item">
            <div className="follow-up-who">
              <span className="follow-up-name">{name}</span>
              <span className="follow-up-meta">
                {closed} · {template ? templateLabel(template) : 'default template'}
              </span>
              {row.activity.lastMessage?.notSent !== undefined ? (
                <span className="follow-up-meta follow-up-not-sent">
                  Last message not sent: {row.activity.lastMessage.notSent}
                </span>
              ) : null}
            </div>
            <div className="follow-up-actions">
              <button
                type="button"
                className="ghost"
                aria-label={`Preview follow-up for ${name}`}
                onClick={() => actions.followUp(id)}
              >
                Preview
              </button>
              <button
                type="button"
                className="primary"
                aria-label={`Send follow-up to ${name}`}
                aria-describedby={send?.error ? errorId : undefined}
                aria-disabled={send?.sending === true || undefined}
                onClick={() => {
                  if (send?.sending !== true) onSend({ row, preview });
                }}
              >
                {send?.sending ? 'Sending…' : 'Send'}
              </button>
            </div>
            {send?.error ? (
              <p id={errorId} className="field-error follow-up-error" role="alert">
                {send.error}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
