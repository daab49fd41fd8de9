import { useAppState, useStore } from '../../state/context';

/**
 * When the operating system shows no desktop notifications: says so and why, and shows the newest
 * unread reminder here instead, with the way to its contacts.
 */
export function DesktopNotices() {
  const store = useStore();
  const centre = useAppState((s) => s.notificationCentre);
  if (centre === null || centre.desktop.supported) return null;
  const reason = centre.desktop.reason?.trim().replace(/\.$/, '') ?? '';
  const unread = centre.notifications.filter((n) => !n.read).sort((a, b) => b.at - a.at);
  const [latest] = unread;
  return (
    <>
      <p className="banner banner-slim" role="note">
        {reason === ''
          ? 'Desktop notifications are off. CareWindow will show reminders here.'
          : `Desktop notifications are off: ${reason}. CareWindow will show reminders here.`}
      </p>
      {latest ? (
        <section className="banner banner-reminder" aria-label="Latest reminder">
          <p className="banner-text">
            <strong>{latest.title}</strong> {latest.body}
            {unread.length > 1 ? (
              <span className="banner-detail"> (+{unread.length - 1} more in Notifications)</span>
            ) : null}
          </p>
          <div className="banner-actions">
            <button
              type="button"
              className="primary"
              aria-label="Open latest reminder"
              onClick={() => {
                store.navigate(latest.contactIds);
                void store.markNotificationsRead([latest.id]);
              }}
            >
              Open
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void store.markNotificationsRead([latest.id])}
            >
              Mark read
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
