import { useEffect, useId, useState } from 'react';
import type { AutoReplySettings } from '../../../../main/contract/model';
import { useApi } from '../../state/context';
import { useBusyRun } from '../use-busy-run';
import { useSaveWithSettings } from './save-with-settings';

/**
 * The greeting and the away message: off until the owner turns them on. Each goes at most once per
 * customer per period, only inside the window, never to a customer who opted out; the line under them
 * says what WhatsApp charges (from the pricing table in the main process). Saved by "Save settings".
 */
export function AutoRepliesSettings() {
  const api = useApi();
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const { busy, problem, run } = useBusyRun();
  const [form, setForm] = useState<AutoReplySettings | null>(null);
  const [billing, setBilling] = useState('');
  const [changed, setChanged] = useState(false);

  useEffect(() => {
    let live = true;
    void run(async () => {
      const view = await api.autoReplies.get();
      if (!live) return;
      setForm(view.settings);
      setBilling(view.billing);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded once when the settings open
  }, [api]);

  useSaveWithSettings(
    'auto-replies',
    changed && form !== null
      ? async () => {
          await api.autoReplies.update(form);
          setChanged(false);
        }
      : null,
  );

  if (form === null) return <p className="field-hint">Loading the automatic replies…</p>;
  const change = (next: AutoReplySettings) => {
    setForm(next);
    setChanged(true);
  };
  const { greeting, away } = form;

  return (
    <fieldset className="field-group auto-replies" aria-busy={busy || undefined}>
      <legend>Greeting and away messages</legend>
      <p className="field-hint" id={id('billing')}>
        Sent by CareWindow right after the customer’s message, only inside the window, never to a customer who
        opted out, and marked “Sent automatically” in the conversation. {billing}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={greeting.enabled}
          aria-describedby={id('billing')}
          onChange={(e) => change({ ...form, greeting: { ...greeting, enabled: e.target.checked } })}
        />
        Greet a new customer, or one who has not written for
        <input
          type="number"
          aria-label="Days without a message before greeting again"
          className="narrow"
          min={1}
          max={365}
          value={greeting.inactiveDays}
          onChange={(e) =>
            change({ ...form, greeting: { ...greeting, inactiveDays: Number(e.target.value) || 1 } })
          }
        />
        days
      </label>
      <label className="field" htmlFor={id('greeting')}>
        Greeting
      </label>
      <textarea
        id={id('greeting')}
        dir="auto"
        rows={2}
        value={greeting.text}
        onChange={(e) => change({ ...form, greeting: { ...greeting, text: e.target.value } })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={away.enabled}
          aria-describedby={id('billing')}
          onChange={(e) => change({ ...form, away: { ...away, enabled: e.target.checked } })}
        />
        Send an away message outside business hours, at most once every
        <input
          type="number"
          aria-label="Hours between away messages to one customer"
          className="narrow"
          min={1}
          max={336}
          value={away.onceEveryHours}
          onChange={(e) =>
            change({ ...form, away: { ...away, onceEveryHours: Number(e.target.value) || 1 } })
          }
        />
        hours
      </label>
      <label className="field" htmlFor={id('away')}>
        Away message
      </label>
      <textarea
        id={id('away')}
        dir="auto"
        rows={2}
        value={away.text}
        onChange={(e) => change({ ...form, away: { ...away, text: e.target.value } })}
      />
      <p className="field-hint">Business hours are the ones set under Reminders.</p>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
