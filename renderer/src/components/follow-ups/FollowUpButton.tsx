import type { ContactRow, WindowState } from '../../../../main/contract/model';
import { useId } from 'react';
import { MINUTE } from '../../../../main/domain/durations';
import { sentMoment } from '../../format/window-text';
import { useFormatPrefs, useTimeDerived } from '../../state/context';
import { useActions } from '../actions';

/** Where the header offers "Follow up": every state in which free-form messages are not allowed. */
const OFFERED: readonly WindowState[] = ['closed', 'awaiting-reply', 'none'];

/**
 * The follow-up action in the conversation: "Follow up" in the header, "Preview follow-up" in the panel
 * that replaces the composer. Both open the preview; nothing is sent without it.
 */
export function FollowUpButton({ row, placement }: { row: ContactRow; placement: 'header' | 'panel' }) {
  const actions = useActions();
  const open = () => actions.followUp(row.contact.id, { mode: 'follow-up' });
  if (placement === 'panel') {
    return (
      <div className="closed-action">
        <button type="button" className="primary" onClick={open}>
          Preview follow-up
        </button>
      </div>
    );
  }
  if (!OFFERED.includes(row.window.state)) return null;
  if (row.window.state === 'awaiting-reply') return <AlreadyFollowedUp row={row} />;
  return (
    <button type="button" className="secondary" onClick={open} aria-keyshortcuts="F">
      Follow up
      <kbd className="shortcut-hint" aria-hidden="true">
        F
      </kbd>
    </button>
  );
}

/** After the one follow-up: the button stays where the owner looks for it, disabled, saying why. */
function AlreadyFollowedUp({ row }: { row: ContactRow }) {
  const { locale, timeZone } = useFormatPrefs();
  const now = useTimeDerived((t) => Math.floor(t / MINUTE) * MINUTE);
  const hintId = useId();
  const sentAt = row.window.followUpSentAt;
  const reason =
    sentAt === null
      ? 'Follow-up already sent — waiting for a reply'
      : `Follow-up already sent ${sentMoment(sentAt, now, locale, timeZone)} — waiting for a reply`;
  return (
    <span className="follow-up-disabled">
      <button type="button" className="secondary" disabled aria-describedby={hintId}>
        Follow up
      </button>
      <span id={hintId} className="field-hint">
        {reason}
      </span>
    </span>
  );
}
