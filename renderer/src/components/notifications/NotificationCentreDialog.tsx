import type { AppNotification } from '../../../../main/contract/model';
import { useAppState, useStore } from '../../state/context';
import { Dialog } from '../Dialog';
import { NotificationItem } from './NotificationItem';

/** The notification centre: recent reminders and notices, newest first; opening one shows its contacts. */
export function NotificationCentreDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const centre = useAppState((s) => s.notificationCentre);
  const notifications = [...(centre?.notifications ?? [])].sort((a, b) => b.at - a.at);
  const unreadIds = notifications.filter((n) => !n.read).map((n) => n.id);

  function open(notification: AppNotification) {
    onClose();
    store.navigate(notification.contactIds);
    if (!notification.read) void store.markNotificationsRead([notification.id]);
  }

  return (
    <Dialog title="Notifications" onClose={onClose} className="notification-centre">
      <div className="notification-toolbar">
        <p className="field-hint">
          {centre === null
            ? 'Notifications are not available right now.'
            : unreadIds.length === 0
              ? 'All read.'
              : `${unreadIds.length} unread.`}
        </p>
        <button
          type="button"
          className="secondary"
          aria-disabled={unreadIds.length === 0}
          onClick={() => void store.markNotificationsRead(unreadIds)}
        >
          Mark all read
        </button>
      </div>
      {centre !== null && notifications.length === 0 ? (
        <p className="screen-empty">No notifications yet. Reminders appear here before a window closes.</p>
      ) : null}
      {notifications.length > 0 ? (
        <ul className="notification-list" aria-label="Recent notifications">
          {notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onOpen={open} />
          ))}
        </ul>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
