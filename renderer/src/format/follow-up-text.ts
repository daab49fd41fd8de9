import type { ContactRow, FollowUpPreview, FollowUpRefusal, Template } from '../../../main/contract/model';
import { sentMoment } from './window-text';

/** "Free — utility template inside the window", "Charged — marketing templates are always charged". */
export function costLine(cost: FollowUpPreview['cost']): string {
  const explanation = cost.explanation.trim();
  if (/^(free|charged)\b/i.test(explanation)) return explanation;
  const word = cost.charged ? 'Charged' : 'Free';
  return explanation === '' ? word : `${word} — ${explanation}`;
}

/** The groups of the Follow-ups view, in order; two refusals share "No approved template". */
export const REFUSAL_GROUPS: ReadonlyArray<{ title: string; codes: readonly FollowUpRefusal[] }> = [
  { title: 'No opt-in', codes: ['no-opt-in'] },
  { title: 'Opted out', codes: ['opted-out'] },
  { title: 'Already followed up', codes: ['already-sent'] },
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

/** "Maria" from "Maria Jansen": how a customer is named inside a sentence. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
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
