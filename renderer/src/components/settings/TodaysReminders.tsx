import { useEffect, useId, useState } from 'react';
import type { Reminder } from '../../../../main/contract/model';
import { atMoment, leadText } from '../../format/reminder-text';
import { MINUTE } from '../../../../main/domain/durations';
import { useApi, useAppState, useFormatPrefs, useTimeDerived } from '../../state/context';
import { errorMessage } from '../../state/errors';

/** The reminders planned for the next 24 hours, as the main process plans them; reloaded when `version` changes. */
export function TodaysReminders({ version }: { version: number }) {
  const api = useApi();
  const rows = useAppState((s) => s.rows);
  const { locale, timeZone } = useFormatPrefs();
  const [loaded, setLoaded] = useState<{ reminders: Reminder[] | null; error: string | null } | null>(null);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    api.reminders.upcoming().then(
      (reminders) => live && setLoaded({ reminders, error: null }),
      (error: unknown) => live && setLoaded({ reminders: null, error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  const now = useTimeDerived((t) => Math.floor(t / MINUTE) * MINUTE);
  const reminders = loaded?.reminders ?? null;
  return (
    <section className="todays-reminders" aria-labelledby={headingId}>
      <h3 id={headingId}>Today's reminders</h3>
      {loaded === null ? <p className="field-hint">Loading…</p> : null}
      {loaded?.error ? (
        <p className="field-hint">Today's reminders could not be loaded: {loaded.error}</p>
      ) : null}
      {reminders !== null && reminders.length === 0 ? (
        <p className="field-hint">No reminders planned for the next 24 hours.</p>
      ) : null}
      {reminders !== null && reminders.length > 0 ? (
        <ul className="reminder-list" aria-label="Today's reminders">
          {reminders.map((reminder) => (
            <li key={reminder.id}>
              <span className="reminder-time">
                {atMoment(reminder.dueAt, now, locale, timeZone).replace(/^at /, '')}
              </span>
              <span className="reminder-who">
                {rows.get(reminder.contactId)?.contact.name ?? 'A contact'}
              </span>
              <span className="reminder-lead">{leadText(reminder.leadMinutes)}</span>
              {reminder.shifted ? (
                <span className="reminder-shifted">moved earlier: outside business hours</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
