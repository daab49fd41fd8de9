import { useId } from 'react';
import type { Settings } from '../../../../main/contract/model';
import { useAppState, useStore } from '../../state/context';
import { useBusyRun } from '../use-busy-run';
import { LabelsSettings } from './LabelsSettings';

/**
 * New messages and labels. Each change takes effect at once, apart from "Save settings": a checkbox
 * that only says "on" after a second button is one the owner forgets.
 */
export function InboxSection() {
  const store = useStore();
  const settings = useAppState((s) => s.settings);
  const real = useAppState((s) => s.workspace?.kind === 'real');
  const ids = useId();
  const { busy, problem, run } = useBusyRun();
  const change = (patch: Partial<Settings>) =>
    void run(async () => {
      await store.updateSettings(patch);
    });
  return (
    <section className="settings-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>New messages and labels</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.notifyNewMessages}
          disabled={busy}
          onChange={(event) => change({ notifyNewMessages: event.target.checked })}
        />
        Show a desktop notification for each new customer message while CareWindow is in the background
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={real && settings.openAtLogin}
          disabled={busy || !real}
          aria-describedby={`${ids}-login-hint`}
          onChange={(event) => change({ openAtLogin: event.target.checked })}
        />
        Open CareWindow when the computer starts (hidden in the tray or dock)
      </label>
      <p className="field-hint" id={`${ids}-login-hint`}>
        {real
          ? 'Messages and reminders arrive only while CareWindow runs.'
          : 'For your own workspace: the demo never starts with the computer.'}
      </p>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <LabelsSettings />
    </section>
  );
}
