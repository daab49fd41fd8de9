import type { ContactRow, FollowUpPreview, FollowUpRefusal, Template } from '../../../main/contract/model';
import { firstNameOf } from '../../../main/domain/templates/fill';
import type { Cost } from '../../../main/contract/costs';
import { costSummary } from '../../../main/domain/pricing/cost-text';
import { sentMoment } from './window-text';

/**
 * What a send costs, as the preview says it: the estimate from the owner's rate card first when there is
 * one ("≈ €0.04 · utility · NL. Charged: …"), else the domain's explanation alone ("Free: …", "Charged: …",
 * "May be charged: …"). Both come from main/domain/pricing, so the words match the pricing table.
 */
export function costLine(cost: Cost, locale: string): string {
  return cost.estimate !== null && cost.billed !== 'no'
    ? `${costSummary(cost, locale)}. ${cost.explanation}`
    : cost.explanation;
}

/** The class of the cost line: colour follows the word ("free", "charged", "may be charged"). */
export function costTone(cost: Cost): 'free' | 'charged' | 'maybe' {
  return cost.billed === 'yes' ? 'charged' : cost.billed === 'maybe' ? 'maybe' : 'free';
}

/** The groups of the Follow-ups view, in order; two refusals share "No approved template". */
export const REFUSAL_GROUPS: ReadonlyArray<{ title: string; codes: readonly FollowUpRefusal[] }> = [
  { title: 'No opt-in', codes: ['no-opt-in'] },
  { title: 'Opted out', codes: ['opted-out'] },
  { title: 'Stopped promotions', codes: ['opted-out-of-marketing'] },
  { title: 'Already followed up', codes: ['already-sent'] },
  { title: 'Marketing templates are not delivered to US numbers', codes: ['marketing-not-delivered'] },
  { title: 'Missing field', codes: ['missing-field'] },
  { title: 'No approved template', codes: ['no-template', 'template-not-approved'] },
  { title: 'Window still open', codes: ['window-open'] },
];

export const STATUS_WORD: Record<Template['status'], string> = {
  approved: 'Approved',
  pending: 'Pending review',
  rejected: 'Rejected',
  paused: 'Paused',
  disabled: 'Disabled',
};

export const CATEGORY_WORD: Record<Template['category'], string> = {
  utility: 'Utility',
  marketing: 'Marketing',
  authentication: 'Authentication',
};

/** How a template is named in pickers: "ticket_update (en_US)". */
export function templateLabel(template: Pick<Template, 'name' | 'language'>): string {
  return `${template.name} (${template.language})`;
}

/**
 * "Maria" from "Maria Jansen": how a customer is named inside a sentence, by the same rule as
 * {first_name}; a contact known only by its number is named by the number.
 */
export function firstName(name: string): string {
  return firstNameOf(name) ?? name;
}

/**
 * Why a follow-up cannot be sent, in the main process's words; an earlier follow-up is named with its
 * time: "Follow-up already sent at 10:02 — waiting for a reply".
 */
export function refusalText(
  row: ContactRow,
  refusal: NonNullable<FollowUpPreview['refusal']>,
  now: number,
  locale: string,
  timeZone: string,
): string {
  const sentAt = row.window.followUpSentAt;
  if (refusal.code === 'already-sent' && sentAt !== null) {
    return `Follow-up already sent ${sentMoment(sentAt, now, locale, timeZone)} — waiting for a reply`;
  }
  return refusal.message;
}

/** What the customer wrote, short enough for a sentence ("STOP", "Start please"). */
export function consentWord(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 30 ? `${trimmed.slice(0, 29)}…` : trimmed;
}
