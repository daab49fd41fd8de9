import { useState } from 'react';
import type { ContactRow } from '../../../main/contract/model';
import { consentWord, firstName } from '../format/follow-up-text';
import { useApi, useAppState, useStore } from '../state/context';
import { errorMessage } from '../state/errors';

/**
 * "Maria wrote START. Opt them back in?" — a customer who opted out asked to receive templates again;
 * templates stay blocked until the owner confirms.
 */
export function OptInRequest({ row }: { row: ContactRow }) {
  const api = useApi();
  const store = useStore();
  const { id, name } = row.contact;
  const word = useAppState((s) => {
    if (s.conversation?.contactId !== id) return null;
    const asked = s.conversation.messages.findLast((m) => m.consent === 'opt-in-requested');
    return asked ? consentWord(asked.text) : null;
  });
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (row.contact.optInRequestedAt === null) return null;

  async function confirm() {
    if (confirming) return;
    setConfirming(true);
    setError(null);
    try {
      store.upsertRows([await api.contacts.confirmOptIn(id)]);
    } catch (caught) {
      setError(errorMessage(caught));
      setConfirming(false);
    }
  }

  return (
    <section className="consent-banner" aria-label="Opt-in request">
      <p>
        {firstName(name)} wrote {word ?? 'START'}. Opt them back in?
        <span className="consent-hint"> Templates stay blocked until you confirm.</span>
      </p>
      <button
        type="button"
        className="primary"
        aria-disabled={confirming || undefined}
        onClick={() => void confirm()}
      >
        Confirm opt-in
      </button>
      {error !== null ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
