import { useId } from 'react';
import type { OptInEvent } from '../../../main/contract/model';
import { formatClock } from '../../../main/domain/zoned-time';
import { formatShortDate } from '../format/dates';
import { MINUTE } from '../../../main/domain/durations';
import { useFormatPrefs, useTimeDerived } from '../state/context';
import { OPT_IN_SOURCES } from './opt-in-sources';

const CHANGE: Record<OptInEvent['status'], string> = {
  'opted-in': 'Opted in',
  'opted-out': 'Opted out',
  none: 'Opt-in removed',
};

const BY: Record<OptInEvent['by'], string> = { owner: 'You', customer: 'Customer' };

/** Every change of consent, newest first, read-only: when, what, by whom, and the note. */
export function OptInHistory({ history }: { history: readonly OptInEvent[] }) {
  const { locale, timeZone } = useFormatPrefs();
  const now = useTimeDerived((t) => Math.floor(t / MINUTE) * MINUTE);
  const headingId = useId();
  const events = [...history].sort((a, b) => b.at - a.at);
  return (
    <section className="opt-in-history" aria-labelledby={headingId}>
      <h3 id={headingId} className="field-label">
        Opt-in history
      </h3>
      {events.length === 0 ? (
        <p className="field-hint">No changes recorded yet.</p>
      ) : (
        <table className="history-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Change</th>
              <th scope="col">By</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event, index) => {
              const source = OPT_IN_SOURCES.find((s) => s.value === event.source)?.label;
              return (
                <tr key={`${event.at}-${index}`}>
                  <td>
                    {formatShortDate(event.at, now, locale, timeZone)}{' '}
                    {formatClock(event.at, timeZone, locale)}
                  </td>
                  <td>
                    {event.scope === 'marketing' ? 'Stopped promotions' : CHANGE[event.status]}
                    {source ? ` · ${source}` : ''}
                  </td>
                  <td>{BY[event.by]}</td>
                  <td>{event.note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
