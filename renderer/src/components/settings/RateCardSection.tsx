import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { CostTerms } from '../../../../main/contract/costs';
import { useApi, useFormatPrefs } from '../../state/context';
import { useCostTerms } from '../../state/cost-terms';
import { useBusyRun } from '../use-busy-run';
import { useSaveWithSettings } from './save-with-settings';

/** "34 markets in EUR, effective 1 October 2026, imported 12 November 2026". */
export function rateCardSummary(rateCard: NonNullable<CostTerms['rateCard']>, locale: string): string {
  const date = (at: number) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(at);
  const markets = rateCard.markets.length === 1 ? '1 market' : `${rateCard.markets.length} markets`;
  const effective = rateCard.effectiveFrom ? `, effective ${date(Date.parse(rateCard.effectiveFrom))}` : '';
  return `${markets} in ${rateCard.currency}${effective}, imported ${date(rateCard.importedAt)}`;
}

/**
 * The owner's own terms: a rate card (Meta's CSV, or the provider's in the same columns) turns every
 * "charged" into an estimated price; a package allowance is what the provider includes per month. Both
 * take effect at once, apart from "Save settings": the file is read here and sent to the main process,
 * which checks it and saves it.
 */
export function RateCardSection() {
  const api = useApi();
  const terms = useCostTerms();
  const { locale } = useFormatPrefs();
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const fileRef = useRef<HTMLInputElement>(null);
  const { busy, problem, setProblem, run } = useBusyRun();
  const [notes, setNotes] = useState<string[]>([]);
  const [allowance, setAllowance] = useState<string | null>(null);
  const shownAllowance =
    allowance ?? (terms?.allowancePerMonth != null ? String(terms.allowancePerMonth) : '');

  function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setNotes([]);
    void run(async () => {
      const result = await api.costs.importRateCard(await file.text());
      setNotes(result.notes);
    });
  }

  // The allowance saves with "Save settings"; a typed value that is not a number stops that save.
  useSaveWithSettings(
    'allowance',
    allowance === null
      ? null
      : async () => {
          const typed = allowance.trim();
          if (typed !== '' && !/^\d+$/.test(typed)) {
            const message =
              'Enter the number of messages your package includes per month, for example 1000, or leave it empty.';
            setProblem(message);
            throw new Error(message);
          }
          await api.costs.setAllowance(typed === '' ? null : Number(typed));
          setAllowance(null);
        },
  );

  const rateCard = terms?.rateCard ?? null;
  return (
    <fieldset className="field-group rate-card" aria-busy={busy || undefined}>
      <legend>Prices</legend>
      <p className="field-hint" id={id('summary')}>
        {terms === null
          ? 'Loading your rate card…'
          : rateCard
            ? `Rate card: ${rateCardSummary(rateCard, locale)}. Previews show an estimated price per message.`
            : 'No rate card: previews say whether a message is charged, without a price. Import the CSV rate card from Meta’s pricing page (or your provider’s) to see estimates.'}
      </p>
      <div className="field-row">
        <button type="button" className="secondary" disabled={busy} onClick={() => fileRef.current?.click()}>
          {rateCard ? 'Import another rate card…' : 'Import rate card (CSV)…'}
        </button>
        <input
          ref={fileRef}
          hidden
          type="file"
          accept=".csv,text/csv"
          aria-label="Rate card file"
          onChange={importFile}
        />
        {rateCard ? (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void run(() => api.costs.clearRateCard())}
          >
            Clear rate card
          </button>
        ) : null}
      </div>
      {notes.length > 0 ? (
        <ul className="field-hint" aria-label="About the imported file">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor={id('allowance')}>Messages your package includes per month</label>
        <div className="field-row">
          <input
            id={id('allowance')}
            inputMode="numeric"
            value={shownAllowance}
            placeholder="None"
            onChange={(e) => setAllowance(e.target.value)}
          />
        </div>
      </div>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
