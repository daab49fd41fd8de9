import { useState } from 'react';
import type { DataProblem } from '../../../main/contract/model';
import { useAppState, useStore } from '../state/context';
import { useActions } from './actions';
import { SendingOnHold } from './connect/SendingOnHold';
import { DesktopNotices } from './notifications/DesktopNotices';
import { RestoreOffer } from './backups/RestoreOffer';
import { SimulateInboundDialog } from './SimulateInboundDialog';

/**
 * Notices across the top of the window: the demo workspace (with its two actions), a real workspace
 * without a WhatsApp account or whose sends wait for a reconnect, data files that could not be read, and reminders when the computer shows
 * no desktop notifications.
 */
export function Banners({ onStartReal }: { onStartReal: () => void }) {
  const store = useStore();
  const actions = useActions();
  const workspace = useAppState((s) => s.workspace);
  const [simulating, setSimulating] = useState(false);
  if (workspace === null) return null;

  return (
    <div className="banners">
      {workspace.problems.length > 0 ? (
        <section className="banner banner-problem" role="alert">
          <div className="banner-text">
            {workspace.problems.map((problem) => (
              <ProblemNotice key={`${problem.file}|${problem.movedTo}`} problem={problem} />
            ))}
          </div>
          <button type="button" className="secondary" onClick={() => void store.dismissProblems()}>
            Dismiss
          </button>
        </section>
      ) : null}
      {simulating ? <SimulateInboundDialog onClose={() => setSimulating(false)} /> : null}
      {workspace.kind === 'demo' ? (
        <section className="banner banner-demo" aria-label="Demo workspace">
          <p className="banner-text">You are looking at demo data — nothing here is sent to WhatsApp.</p>
          <div className="banner-actions">
            {/* The contact is chosen in the dialog: a long name beside the button no longer wraps the banner. */}
            <button type="button" className="secondary" onClick={() => setSimulating(true)}>
              Simulate customer message
            </button>
            <button type="button" className="primary" onClick={onStartReal}>
              Start my own workspace
            </button>
          </div>
        </section>
      ) : null}
      <DesktopNotices />
      {workspace.kind === 'real' && !workspace.accountConfigured ? (
        <section className="banner banner-slim" aria-label="No WhatsApp account">
          <p className="banner-text">
            No WhatsApp account connected yet — messages are not sent or received.
          </p>
          <div className="banner-actions">
            <button type="button" className="primary" onClick={() => actions.connectWhatsApp()}>
              Connect WhatsApp
            </button>
            <button type="button" className="secondary" onClick={() => void store.openDemo()}>
              Open the demo
            </button>
          </div>
        </section>
      ) : null}
      {workspace.kind === 'real' && workspace.accountConfigured ? <SendingOnHold /> : null}
    </div>
  );
}

/**
 * One data problem. Where the file was kept is said only when it was moved aside or copied (`movedTo`); a
 * file left in place (from a newer CareWindow, or that could not be moved) or one that was missing has no
 * such place, and its `recovery` already says what happened to it.
 */
export function ProblemNotice({ problem }: { problem: DataProblem }) {
  return (
    <p>
      <strong>{problem.message}</strong> {problem.recovery}
      {problem.movedTo === '' ? null : (
        <>
          {' '}
          <span className="banner-detail">The file as it was is kept at {problem.movedTo}.</span>
        </>
      )}
      {problem.restore ? <RestoreOffer offer={problem.restore} /> : null}
    </p>
  );
}
