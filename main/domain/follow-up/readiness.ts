import type { CareWindow, Contact, Template } from '../../contract/model';
import { canSendFreeForm } from '../care-window';
import { recipientOf } from '../pricing/recipient';
import { marketingPausedFor } from '../pricing/us-marketing';
import { fillForSend, type SendFill } from '../templates/send-parts';
import { chooseTemplate, type TemplateUse } from './choose-template';
import { followUpEligibility, type Eligibility } from './eligibility';
import type { TemplateChoiceMemo } from './template-choice-memo';

/**
 * The one rule behind "follow-up ready": the list, the conversation header, the preview dialog and the
 * Follow-ups view all ask this module, so none of them can say "ready" while another says "Missing
 * field" (issue 14, rough edge 3).
 */
export interface FollowUpCheck {
  eligibility: Eligibility;
  /** Set when a template was given: the body, and a URL button's suffix, filled for the contact. */
  fill: SendFill | null;
}

/** Whether the one follow-up with this template may go to this contact now. */
export function checkFollowUp(
  contact: Contact,
  window: CareWindow,
  template: Template | null,
  now: number,
  /** The template already filled for this contact (a memo), when known. */
  filled?: SendFill | null,
): FollowUpCheck {
  const open = canSendFreeForm(window);
  const recipient = recipientOf(contact.phone);
  const fill = filled !== undefined ? filled : template ? fillForSend(template, contact) : null;
  const eligibility = followUpEligibility({
    window: window.state,
    followUpSent: window.followUpSentAt !== null && !open,
    optIn: contact.optIn.status,
    optInRequested: contact.optInRequestedAt !== null,
    template: template ? { name: template.name, language: template.language, status: template.status } : null,
    missing: fill && !fill.ok ? fill.missing : [],
    brokenTemplate: fill && !fill.ok && fill.broken ? fill.broken.message : null,
    contactName: contact.name,
    marketingPaused: template?.category === 'marketing' && marketingPausedFor(recipient.region, now),
    optedOutOfMarketing: template?.category === 'marketing' && contact.marketingOptOutAt !== undefined,
  });
  return { eligibility, fill };
}

/** What choosing the default template needs besides the contact. */
export interface FollowUpContext {
  templates: readonly Template[];
  lastUsed: TemplateUse | null;
  defaultTemplateId: string | null;
  /** Remembers each contact's choice between calls (the contact list asks for every contact). */
  choices?: TemplateChoiceMemo;
}

/**
 * A window whose opt-in allows the follow-up is `ready` only when the template one click would send
 * (chooseTemplate) can go; otherwise `blocked`, with the refusal the preview would give.
 */
export function withFollowUpReadiness(
  window: CareWindow,
  contact: Contact,
  context: FollowUpContext,
  now: number,
): CareWindow {
  if (window.followUp !== 'ready') return window;
  const { choices, ...key } = context;
  const chosen = choices?.choose(contact, key);
  const { eligibility } = chosen
    ? checkFollowUp(contact, window, chosen.template, now, chosen.fill)
    : checkFollowUp(contact, window, chooseTemplate({ contact, ...key }).template, now);
  return eligibility.allowed
    ? window
    : { ...window, followUp: 'blocked', followUpRefusal: eligibility.refusal.code };
}
