import { useEffect, useId, useState } from 'react';
import type { FollowUpOverview, FollowUpResult } from '../../../../main/contract/model';
import { useApi, useAppState, useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { FormProblem } from '../FormProblem';
import { ScreenFrame } from '../screens/ScreenFrame';
import { BlockedGroups } from './BlockedGroups';
import { ScheduledSection } from './ScheduledSection';
import { EligibleList, type Eligible, type RowSend } from './EligibleList';
import { FollowUpResults } from './FollowUpResults';
import { SendAllDialog } from './SendAllDialog';

interface Loaded {
  overview: FollowUpOverview | null;
  error: string | null;
}

/**
 * Every closed window at a glance: the contacts that can get their follow-up (one click each, or all
 * at once after one confirmation), and the ones that cannot, grouped by why with the fix beside each.
 * Reloads whenever a contact changes, so a sent follow-up or an added opt-in shows at once.
 */
export function FollowUpsScreen() {
  const api = useApi();
  const store = useStore();
  const rows = useAppState((s) => s.rows);
  // The overview depends on templates and settings (the default template) as much as on the contacts.
  const templates = useAppState((s) => s.templates);
  const settings = useAppState((s) => s.settings);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [sends, setSends] = useState<ReadonlyMap<string, RowSend>>(new Map());
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [results, setResults] = useState<FollowUpResult[] | null>(null);
  const readyId = useId();
  const blockedId = useId();

  useEffect(() => {
    let live = true;
    api.followUps.overview().then(
      (overview) => live && setLoaded({ overview, error: null }),
      (error: unknown) =>
        live && setLoaded((prev) => ({ overview: prev?.overview ?? null, error: errorMessage(error) })),
    );
    return () => {
      live = false;
    };
  }, [api, rows, templates, settings, attempt]);

  function setSend(contactId: string, send: RowSend | null) {
    setSends((current) => {
      const next = new Map(current);
      if (send === null) next.delete(contactId);
      else next.set(contactId, send);
      return next;
    });
  }

  async function sendOne({ row, preview }: Eligible) {
    const { id, name } = row.contact;
    if (preview.templateId === null) return;
    setSend(id, { sending: true, error: null });
    try {
      const message = await api.followUps.send(id, preview.templateId);
      store.receiveMessage(message);
      if (message.status === 'failed') {
        setSend(id, { sending: false, error: message.error ?? 'WhatsApp did not accept the template.' });
        return;
      }
      setSend(id, null);
      setNotice(`Follow-up sent to ${name}.`);
    } catch (caught) {
      setSend(id, { sending: false, error: errorMessage(caught) });
    }
  }

  const overview = loaded?.overview ?? null;
  const eligible = overview?.eligible ?? [];
  return (
    <ScreenFrame
      title="Follow-ups"
      focusKey={notice}
      intro={
        <p>Closed windows can get one approved template each. Send it here, or fix why it cannot be sent.</p>
      }
    >
      <p className="screen-notice" role="status">
        {notice}
      </p>
      {loaded?.error ? <FormProblem message={loaded.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {loaded === null ? <p className="screen-empty">Loading follow-ups…</p> : null}
      {results !== null ? <FollowUpResults results={results} onClear={() => setResults(null)} /> : null}
      <ScheduledSection />
      {overview !== null ? (
        <>
          <section className="screen-section" aria-labelledby={readyId}>
            <div className="section-header">
              <h3 id={readyId}>Ready for a follow-up</h3>
              {eligible.length > 0 ? (
                <button type="button" className="primary" onClick={() => setConfirming(true)}>
                  Follow up all eligible ({eligible.length})
                </button>
              ) : null}
            </div>
            <EligibleList items={eligible} sends={sends} onSend={(item) => void sendOne(item)} />
          </section>
          {overview.blocked.length > 0 ? (
            <section className="screen-section" aria-labelledby={blockedId}>
              <h3 id={blockedId}>Cannot follow up yet</h3>
              <BlockedGroups items={overview.blocked} />
            </section>
          ) : null}
        </>
      ) : null}
      {confirming ? (
        <SendAllDialog
          items={eligible}
          onClose={() => setConfirming(false)}
          onDone={(done) => {
            setConfirming(false);
            setResults(done);
            setAttempt((n) => n + 1);
          }}
        />
      ) : null}
    </ScreenFrame>
  );
}
