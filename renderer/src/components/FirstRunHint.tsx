import { useState } from 'react';
import { useAppState } from '../state/context';

const KEY = 'carewindow.firstRunHint';

function dismissedBefore(kind: string): boolean {
  try {
    return window.localStorage.getItem(`${KEY}.${kind}`) === 'dismissed';
  } catch {
    return false;
  }
}

/**
 * The first thing to do, said once: in the demo, try a customer; in an empty workspace of the owner's
 * own, bring the customers in. Dismissed for good with "Got it" (kept in this computer's browser storage).
 */
export function FirstRunHint() {
  const kind = useAppState((s) => s.workspace?.kind ?? null);
  const empty = useAppState((s) => s.rows.size === 0);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  if (kind === null || (kind === 'real' && !empty)) return null;
  if (dismissed.has(kind) || dismissedBefore(kind)) return null;
  const dismiss = () => {
    try {
      window.localStorage.setItem(`${KEY}.${kind}`, 'dismissed');
    } catch {
      // Without storage the hint simply comes back next time.
    }
    setDismissed(new Set([...dismissed, kind]));
  };
  return (
    <aside className="first-run-hint" aria-label="Where to start">
      {kind === 'demo' ? (
        <p>
          <strong>Start here:</strong> customers waiting for you are at the top. Open one and answer before
          the window closes; the “?” explains each state.
        </p>
      ) : (
        <p>
          <strong>Start here:</strong> add your customers (or import a chat export), then connect your
          WhatsApp number so their messages arrive.
        </p>
      )}
      <button type="button" className="link-button" onClick={dismiss}>
        Got it
      </button>
    </aside>
  );
}
