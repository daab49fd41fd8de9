import { useEffect, useState } from 'react';
import { useApi } from '../../state/context';
import { useActions } from '../actions';

/**
 * The banner of a connected workspace whose sends wait for the owner: WhatsApp refused the access token
 * (or a permission), so the outbox holds every message until the number is connected again. It follows
 * `account:changed`, which the main process pushes when the queue stops and when it goes again.
 */
export function SendingOnHold() {
  const api = useApi();
  const actions = useActions();
  const [onHold, setOnHold] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const off = api.on('account:changed', (status) => setOnHold(status.sendingOnHold));
    api.account
      .status()
      .then((status) => {
        if (live) setOnHold(status.sendingOnHold);
      })
      // The banner is a hint; the messages themselves say why they wait.
      .catch(() => undefined);
    return () => {
      live = false;
      off();
    };
  }, [api]);

  if (onHold === null) return null;
  return (
    <section className="banner banner-problem" aria-label="Sending on hold" role="alert">
      <p className="banner-text">{onHold}</p>
      <div className="banner-actions">
        <button type="button" className="primary" onClick={() => actions.connectWhatsApp()}>
          Reconnect WhatsApp
        </button>
      </div>
    </section>
  );
}
