import { useId } from 'react';
import { useScheduledFollowUps } from '../../state/answer-faster';
import { ScheduledLine } from './ScheduledLine';

/** The Follow-ups view's list of follow-ups waiting for their moment, each cancellable. */
export function ScheduledSection() {
  const scheduled = useScheduledFollowUps();
  const headingId = useId();
  if (scheduled.length === 0) return null;
  return (
    <section className="screen-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Scheduled</h3>
      <ul className="answer-faster-list">
        {[...scheduled]
          .sort((a, b) => a.at - b.at)
          .map((s) => (
            <li key={s.contactId}>
              <ScheduledLine contactId={s.contactId} withName />
            </li>
          ))}
      </ul>
    </section>
  );
}
