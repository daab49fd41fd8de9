import type { ContactRow } from '../../../main/contract/model';
import { closedPanelLead, NO_OPT_IN_TEXT, OPTED_OUT_TEXT, templateBlocker } from '../format/window-text';
import { useAppState, useFormatPrefs, useTimeDerived } from '../state/context';
import type { FollowUpSlot } from './follow-up-slot';

/**
 * Replaces the composer when WhatsApp allows no free-form message: says calmly why, and offers the fix
 * (add an opt-in) or the follow-up template through `renderFollowUp`.
 */
export function ClosedPanel({
  row,
  onAddOptIn,
  renderFollowUp,
}: {
  row: ContactRow;
  onAddOptIn: () => void;
  renderFollowUp: FollowUpSlot | undefined;
}) {
  const { locale, timeZone } = useFormatPrefs();
  const lead = useTimeDerived((now) => closedPanelLead(row.window, now, locale, timeZone));
  const draft = useAppState((s) => s.drafts[row.contact.id] ?? '');
  const blocker = templateBlocker(row.window);
  // Blocked too: the preview says what is missing and offers the fix.
  const followUpReady = row.window.followUp === 'ready' || row.window.followUp === 'blocked';
  return (
    <div className="closed-panel" role="status">
      <p className="closed-lead">{lead}</p>
      {blocker === 'no-opt-in' ? (
        <div className="closed-blocker">
          <p>{NO_OPT_IN_TEXT}</p>
          <button type="button" className="secondary" onClick={onAddOptIn}>
            Add opt-in
          </button>
        </div>
      ) : null}
      {blocker === 'opted-out' ? (
        <div className="closed-blocker">
          <p>{OPTED_OUT_TEXT}</p>
        </div>
      ) : null}
      {followUpReady ? renderFollowUp?.(row, 'panel') : null}
      {draft.trim() === '' ? null : (
        <div className="kept-draft">
          <label htmlFor="kept-draft-text">Your unsent text is kept here:</label>
          <textarea id="kept-draft-text" readOnly value={draft} rows={2} />
        </div>
      )}
    </div>
  );
}
