import { useAppState } from '../../state/context';

/** The bell: its name carries the unread count; beside it, how many windows close soon (the dock badge). */
export function NotificationBell({ onOpen }: { onOpen: () => void }) {
  const unread = useAppState((s) => s.notificationCentre?.unread ?? 0);
  const badge = useAppState((s) => s.notificationCentre?.badge ?? 0);
  return (
    <div className="bell-area">
      {badge > 0 ? <span className="closing-soon">{badge} closing soon</span> : null}
      <button
        type="button"
        className="ghost bell"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        onClick={onOpen}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {unread}
          </span>
        ) : null}
      </button>
    </div>
  );
}
