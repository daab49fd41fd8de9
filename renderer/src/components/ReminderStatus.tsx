import type { ContactRow } from '../../../main/contract/model';
import { AlarmClock, BellOff } from 'lucide-react';
import { MINUTE } from '../../../main/domain/durations';
import { nextReminderLine } from '../format/reminder-text';
import { useFormatPrefs, useStore, useTimeDerived } from '../state/context';

/** The conversation header's next warning: "Reminder at 15:50", or why it comes earlier, or "muted". */
export function ReminderLine({ row }: { row: ContactRow }) {
  const { locale, timeZone } = useFormatPrefs();
  const line = useTimeDerived((now) =>
    nextReminderLine(row, Math.floor(now / MINUTE) * MINUTE, locale, timeZone),
  );
  if (line === null) return null;
  return (
    <p className={row.contact.muted ? 'reminder-line is-muted' : 'reminder-line'}>
      {row.contact.muted ? (
        <BellOff size={14} aria-hidden="true" />
      ) : (
        <AlarmClock size={14} aria-hidden="true" />
      )}{' '}
      {line}
    </p>
  );
}

/** "Mute reminders" / "Unmute reminders" for this contact. */
export function MuteToggle({ row }: { row: ContactRow }) {
  const store = useStore();
  const { id, muted } = row.contact;
  return (
    <button type="button" className="ghost" onClick={() => void store.setMuted(id, !muted)}>
      {muted ? 'Unmute reminders' : 'Mute reminders'}
    </button>
  );
}
