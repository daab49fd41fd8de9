import { useAppState } from '../../state/context';
import { Bell } from 'lucide-react';

/** The bell: its name carries the unread count; beside it, how many windows close soon (the dock badge). */
export function NotificationBell({
  onOpen,
  onShowClosing,
}: {
  onOpen: () => void;
  /** A click on "N closing soon" shows exactly those windows in the list. */
  onShowClosing?: () => void;
}) {
  const unread = useAppState((s) => s.notificationCentre?.unread ?? 0);
  const badge = useAppState((s) => s.notificationCentre?.badge ?? 0);
  return (
    <div className="bell-area">
      {badge > 0 && onShowClosing ? (
        <button
          type="button"
          className="ghost closing-soon closing-soon-button"
          title="Show the windows closing soon"
          onClick={onShowClosing}
        >
          {badge} closing soon
        </button>
      ) : badge > 0 ? (
        <span className="closing-soon">{badge} closing soon</span>
      ) : null}
      <button
        type="button"
        className="ghost bell"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        onClick={onOpen}
      >
        <Bell size={16} aria-hidden="true" />
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {unread}
          </span>
        ) : null}
      </button>
    </div>
  );
}
