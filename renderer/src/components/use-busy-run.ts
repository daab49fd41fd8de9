import { useState } from 'react';
import { errorMessage } from '../state/errors';

/** What `useBusyRun` hands back: `run` wraps one call; `setProblem` is for failures outside it. */
export interface BusyRun {
  busy: boolean;
  problem: string | null;
  setProblem: (problem: string | null) => void;
  run: (action: () => Promise<unknown>) => Promise<void>;
}

/**
 * The busy flag and problem line of a form whose buttons each make one call to the main process: while a
 * call runs its controls are disabled, the last problem is cleared, and a failure is shown in words rather
 * than lost in a rejected promise.
 */
export function useBusyRun(): BusyRun {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, setProblem, run };
}
