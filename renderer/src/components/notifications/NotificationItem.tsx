import { useId, useState } from 'react';
import type { AppNotification } from '../../../../main/contract/model';
import { compactMoment } from '../../format/dates';
import { MINUTE } from '../../../../main/domain/durations';
import { useApi, useFormatPrefs, useTimeDerived } from '../../state/context';
import { errorMessage } from '../../state/errors';

type Snooze = '10-minutes' | 'next-lead';

const SNOOZED: Record<Snooze, string> = {
  '10-minutes': 'Snoozed for 10 minutes.',
  'next-lead': 'Snoozed until the next reminder.',
};

/** One notification: opening it shows its contacts; a reminder can be snoozed. */
export function NotificationItem({
  notification,
  onOpen,
}: {
  notification: AppNotification;
  onOpen: (notification: AppNotification) => void;
}) {
  const api = useApi();
  const { locale, timeZone } = useFormatPrefs();
  const now = useTimeDerived((t) => Math.floor(t / MINUTE) * MINUTE);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const bodyId = useId();
  const titleId = useId();
  const unreadId = useId();

  async function snooze(how: Snooze) {
    setError(null);
    try {
      // The notification's id snoozes every reminder in it (a group too); the main process skips those
      // that are no longer planned rather than stopping halfway.
      await api.reminders.snooze(notification.id, how);
      setStatus(SNOOZED[how]);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  const describedBy = `${titleId} ${bodyId}`;
  return (
    <li className={notification.read ? 'notification' : 'notification is-unread'}>
      <button
        type="button"
        className="notification-open"
        aria-describedby={notification.read ? bodyId : `${unreadId} ${bodyId}`}
        onClick={() => onOpen(notification)}
      >
        {notification.read ? null : (
          <span className="unread-dot" aria-hidden="true">
            ●
          </span>
        )}
        <span id={titleId} className="notification-title">
          {notification.title}
        </span>
      </button>
      {notification.read ? null : (
        <span id={unreadId} className="visually-hidden">
          Unread.
        </span>
      )}
      <p id={bodyId} className="notification-body">
        {notification.body}
      </p>
      <time className="notification-time" dateTime={new Date(notification.at).toISOString()}>
        {compactMoment(notification.at, now, locale, timeZone)}
      </time>
      {notification.reminderIds.length > 0 ? (
        <div className="notification-actions">
          <button
            type="button"
            className="secondary"
            aria-describedby={describedBy}
            onClick={() => void snooze('10-minutes')}
          >
            Snooze 10 min
          </button>
          <button
            type="button"
            className="secondary"
            aria-describedby={describedBy}
            onClick={() => void snooze('next-lead')}
          >
            Snooze until next reminder
          </button>
        </div>
      ) : null}
      <p className="notification-status" role="status">
        {status}
      </p>
      {error !== null ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
