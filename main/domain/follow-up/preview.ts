import type { RateCard } from '../../contract/costs';
import type { CareWindow, Contact, FollowUpPreview, Template } from '../../contract/model';
import { fillTemplate } from '../templates/fill';
import type { SendFill } from '../templates/send-parts';
import { bestUtilityTemplate } from './choose-template';
import { categoryWarning, templateCost } from './cost';
import type { Eligibility } from './eligibility';
import { checkFollowUp } from './readiness';
import { canSendFreeForm } from '../care-window';
import { recipientOf } from '../pricing/recipient';

export interface PreviewInput {
  contact: Contact;
  window: CareWindow;
  /** The template to preview; null when none could be chosen. */
  template: Template | null;
  /** All templates, for the "a utility template would do" warning. */
  templates: readonly Template[];
  /** The moment of sending: the price and the US marketing pause depend on the date. */
  now: number;
  /** The owner's rate card, for an estimated price; null shows none. */
  rateCard: RateCard | null;
}

export interface PreviewDetail {
  preview: FollowUpPreview;
  eligibility: Eligibility;
  /** Set when a template was given (body and buttons; see send-parts.ts). */
  fill: SendFill | null;
}

/**
 * What one click on "Follow up" would send to one contact, whether it may, what it costs and what to
 * watch out for. The same function decides the preview the owner sees and the send the main process
 * performs, so the two cannot disagree.
 */
export function previewFollowUp(input: PreviewInput): PreviewDetail {
  const { contact, window, template } = input;
  const open = canSendFreeForm(window);
  const recipient = recipientOf(contact.phone);
  const costInput = {
    windowClosesAt: open ? window.expiresAt : null,
    now: input.now,
    recipient,
    rateCard: input.rateCard,
  };
  const { eligibility, fill } = checkFollowUp(contact, window, template, input.now);
  const alternative =
    template?.category === 'marketing' ? bestUtilityTemplate(contact, input.templates, template.id) : null;
  const alternativeFits = alternative
    ? fillTemplate(alternative.body, alternative.mapping, contact).ok
    : false;
  const preview: FollowUpPreview = {
    contactId: contact.id,
    templateId: template?.id ?? null,
    text: fill?.ok ? fill.text : null,
    missing: fill && !fill.ok ? fill.missing : [],
    allowed: eligibility.allowed,
    refusal: eligibility.allowed ? null : eligibility.refusal,
    cost: template ? templateCost(template.category, costInput) : null,
    warning: template
      ? categoryWarning(template.category, costInput, alternative && alternativeFits ? alternative : null)
      : null,
  };
  return { preview, eligibility, fill };
}
