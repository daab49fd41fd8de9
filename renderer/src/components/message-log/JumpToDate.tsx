import { useId, useState, type SyntheticEvent } from 'react';
import { epochAt, localDateAt, type LocalDate } from '../../../../main/domain/zoned-time';
import { useFormatPrefs, useNow, useStore } from '../../state/context';

/** "2026-11-24" for a date input. */
function isoDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseIsoDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * "Jump to a date" in the conversation header: a date field and Go. Opens the log at the first message
 * on or after the start of that day in the owner's time zone (or the last one before, when none after).
 */
export function JumpToDate({ contactId }: { contactId: string }) {
  const store = useStore();
  const { timeZone } = useFormatPrefs();
  const today = isoDate(localDateAt(useNow(), timeZone));
  const [value, setValue] = useState('');
  const id = useId();

  function jump(event: SyntheticEvent) {
    event.preventDefault();
    const date = parseIsoDate(value);
    if (date === null) return;
    void store.openConversationAt(contactId, { at: epochAt(date, 0, 0, timeZone) });
  }

  return (
    <form className="log-jump" role="search" aria-label="Jump to a date" onSubmit={jump}>
      <label htmlFor={id}>Jump to</label>
      <input
        id={id}
        type="date"
        value={value}
        max={today}
        min="2000-01-01"
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="secondary" disabled={parseIsoDate(value) === null}>
        Go
      </button>
    </form>
  );
}
