import { useState } from 'react';
import { dayAndTime } from '../../format/dates';
import { useScheduledFor } from '../../state/answer-faster';
import { useApi, useAppState, useFormatPrefs, useTimeDerived } from '../../state/context';
import { errorMessage } from '../../state/errors';

/** "Follow-up scheduled for tomorrow at 09:00 · Cancel": on the contact's header and in Follow-ups. */
export function ScheduledLine({ contactId, withName = false }: { contactId: string; withName?: boolean }) {
  const api = useApi();
  const scheduled = useScheduledFor(contactId);
  const name = useAppState((s) => s.rows.get(contactId)?.contact.name ?? 'This customer');
  const templates = useAppState((s) => s.templates);
  const { locale, timeZone } = useFormatPrefs();
  const when = useTimeDerived((now) =>
    scheduled === null ? null : dayAndTime(scheduled.at, now, locale, timeZone),
  );
  const [problem, setProblem] = useState<string | null>(null);
  if (scheduled === null || when === null) return null;
  const template = templates?.find((t) => t.id === scheduled.templateId);
  return (
    <p className="scheduled-line">
      <span>
        {withName ? `${name}: f` : 'F'}ollow-up scheduled for {when}
        {template ? ` (${template.name})` : ''}
      </span>
      <button
        type="button"
        className="link-button"
        aria-label={`Cancel the scheduled follow-up to ${name}`}
        onClick={() => {
          setProblem(null);
          api.scheduledFollowUps.cancel(contactId).catch((error: unknown) => setProblem(errorMessage(error)));
        }}
      >
        Cancel
      </button>
      {problem ? <span role="alert">{problem}</span> : null}
    </p>
  );
}
