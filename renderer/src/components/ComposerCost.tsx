import { canSendFreeForm } from '../../../main/domain/care-window';
import { freeFormCost } from '../../../main/domain/follow-up/cost';
import { costSummary } from '../../../main/domain/pricing/cost-text';
import { recipientOf } from '../../../main/domain/pricing/recipient';
import { useAppState, useFormatPrefs, useTimeDerived } from '../state/context';
import { useCostTerms } from '../state/cost-terms';

/**
 * What a normal message to this contact costs if sent now: "Service message · free" until 30 September
 * 2026, "Service message · charged" from 1 October 2026, "≈ €0.03 · service · NL" with a rate card. The
 * words and the dates come from the domain's pricing table, the same one the main process uses.
 */
export function ComposerCost({ contactId }: { contactId: string }) {
  const row = useAppState((s) => s.rows.get(contactId));
  const { locale } = useFormatPrefs();
  const terms = useCostTerms();
  const phone = row?.contact.phone ?? '';
  const window = row?.window;
  const line = useTimeDerived((now) => {
    if (window === undefined) return null;
    const cost = freeFormCost({
      windowClosesAt: canSendFreeForm(window) ? window.expiresAt : null,
      now,
      recipient: recipientOf(phone),
      rateCard: terms?.rateCard ?? null,
    });
    return `${costSummary(cost, locale)}|${cost.explanation}`;
  });
  if (line === null) return null;
  const [summary, explanation] = line.split('|');
  return (
    <span className="composer-cost" title={explanation}>
      {summary}
    </span>
  );
}
