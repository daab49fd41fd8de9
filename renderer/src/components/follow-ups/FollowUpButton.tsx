import type { ContactRow, WindowState } from '../../../../main/contract/model';
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
  return (
    <button type="button" className="secondary" onClick={open}>
      Follow up
    </button>
  );
}
