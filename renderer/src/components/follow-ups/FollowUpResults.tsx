import { useEffect, useId, useRef } from 'react';
import type { FollowUpResult } from '../../../../main/contract/model';

/** What "Follow up all" did, contact by contact. Takes the focus when it appears. */
export function FollowUpResults({
  results,
  onClear,
}: {
  results: readonly FollowUpResult[];
  onClear: () => void;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const sent = results.filter((r) => r.ok).length;
  const failed = results.length - sent;
  return (
    <section className="follow-up-results" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Follow-up results
      </h3>
      <p className="follow-up-summary">
        {sent} sent{failed > 0 ? `, ${failed} not sent` : ''}.
      </p>
      <ul className="follow-up-list" aria-label="Results per contact">
        {results.map((result) => (
          <li key={result.contactId} className={result.ok ? 'result ok' : 'result failed'}>
            <span className="result-mark" aria-hidden="true">
              {result.ok ? '✓' : '⚠'}
            </span>
            <span className="follow-up-name">{result.name}</span>
            <span>{outcome(result)}</span>
          </li>
        ))}
      </ul>
      <div>
        <button type="button" className="ghost" onClick={onClear}>
          Clear results
        </button>
      </div>
    </section>
  );
}

/** "Sent", "Not sent — Otto opted out of templates." (without repeating a message that only says "Sent."). */
function outcome(result: FollowUpResult): string {
  const word = result.ok ? 'Sent' : 'Not sent';
  const message = result.message.trim();
  const same = message.replace(/[.!]$/, '').toLowerCase() === word.toLowerCase();
  return message === '' || same ? word : `${word} — ${message}`;
}
