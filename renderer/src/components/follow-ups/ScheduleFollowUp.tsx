import { useId, useState } from 'react';
import type { ContactRow } from '../../../../main/contract/model';
import { followUpMoments, scheduleProblem } from '../../../../main/domain/answer-faster/follow-up-time';
import { epochAt } from '../../../../main/domain/zoned-time';
import { dayAndTime, dateInputValue, startOfDayInZone } from '../../format/dates';
import { useApi, useAppState, useFormatPrefs, useNow } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { FormProblem } from '../FormProblem';

type Choice = 'business-start' | 'tomorrow' | 'other';

/**
 * "Schedule…" in the follow-up dialog: send the follow-up later, once, at the start of business hours
 * (offered first for a window that closes in quiet hours), tomorrow at 09:00, or at a moment the owner
 * types. The main process keeps it and sends it then, unless the customer writes first.
 */
export function ScheduleFollowUp({
  row,
  templateId,
  onScheduled,
  onCancel,
}: {
  row: ContactRow;
  templateId: string;
  onScheduled: () => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { locale, timeZone } = useFormatPrefs();
  const businessHours = useAppState((s) => s.settings.businessHours);
  const now = useNow();
  const expiresAt = row.window.expiresAt ?? now;
  const [moments] = useState(() => followUpMoments({ expiresAt, now, businessHours, zone: timeZone }));
  const [choice, setChoice] = useState<Choice>(
    moments.closesInQuietHours && moments.businessStart !== null ? 'business-start' : 'tomorrow',
  );
  const [date, setDate] = useState(() => dateInputValue(moments.suggested, timeZone));
  const [time, setTime] = useState('09:00');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = useId();

  const other = (() => {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const clock = /^(\d{2}):(\d{2})$/.exec(time);
    if (!day || !clock || startOfDayInZone(date, timeZone) === null) return null;
    const local = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) };
    return epochAt(local, Number(clock[1]), Number(clock[2]), timeZone);
  })();
  const at =
    choice === 'business-start'
      ? moments.businessStart
      : choice === 'tomorrow'
        ? moments.tomorrowMorning
        : other;
  const localProblem =
    at === null ? 'Type a date and a time.' : scheduleProblem(at, now, row.window.expiresAt);

  async function schedule() {
    if (at === null || localProblem !== null) {
      setProblem(localProblem);
      return;
    }
    setBusy(true);
    try {
      await api.scheduledFollowUps.schedule(row.contact.id, templateId, at);
      onScheduled();
    } catch (caught) {
      setProblem(errorMessage(caught));
      setBusy(false);
    }
  }

  const when = (t: number) => dayAndTime(t, now, locale, timeZone);
  return (
    <fieldset className="schedule-choice">
      <legend>Send this follow-up later, once</legend>
      {moments.businessStart !== null ? (
        <label>
          <input
            type="radio"
            name={name}
            checked={choice === 'business-start'}
            onChange={() => setChoice('business-start')}
          />{' '}
          At the start of business hours ({when(moments.businessStart)})
        </label>
      ) : null}
      <label>
        <input
          type="radio"
          name={name}
          checked={choice === 'tomorrow'}
          onChange={() => setChoice('tomorrow')}
        />{' '}
        Tomorrow at 09:00 ({when(moments.tomorrowMorning)})
      </label>
      <label>
        <input type="radio" name={name} checked={choice === 'other'} onChange={() => setChoice('other')} /> At
        another moment
      </label>
      {choice === 'other' ? (
        <span className="schedule-other">
          <input type="date" aria-label="Date" value={date} onChange={(e) => setDate(e.target.value)} />{' '}
          <input type="time" aria-label="Time" value={time} onChange={(e) => setTime(e.target.value)} />
        </span>
      ) : null}
      {moments.closesInQuietHours ? (
        <p className="field-hint">
          The window closes outside your business hours: the follow-up waits for the morning.
        </p>
      ) : null}
      <p className="field-hint">
        If {row.contact.name} writes first, their message opens a new window and this follow-up is dropped.
      </p>
      <FormProblem message={problem} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          aria-busy={busy || undefined}
          onClick={() => void schedule()}
        >
          {busy ? 'Scheduling…' : 'Schedule follow-up'}
        </button>
      </div>
    </fieldset>
  );
}
