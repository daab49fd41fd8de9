import type { ContactRow, FollowUpPreview } from '../../../../main/contract/model';
import { inWindowTemplateEligibility } from '../../../../main/domain/follow-up/eligibility';

/**
 * A customer who wrote STOP gets no template, inside the window too (the rule the main process applies
 * to `sendTemplate`). The preview answers "window open" first, so "Send template" asks this as well and
 * says the customer opted out instead of offering the send. Null when the customer has not opted out.
 */
export function stoppedRefusal(row: ContactRow): FollowUpPreview['refusal'] {
  const { contact } = row;
  if (contact.optIn.status !== 'opted-out') return null;
  const eligibility = inWindowTemplateEligibility({
    optIn: 'opted-out',
    optInRequested: contact.optInRequestedAt !== null,
    template: null,
    missing: [],
    contactName: contact.name,
  });
  return eligibility.allowed ? null : eligibility.refusal;
}
