import type {
  FollowUpFixAction,
  FollowUpRefusal,
  OptIn,
  TemplateStatus,
  WindowState,
} from '../../contract/model';
import { canSendFreeForm } from '../care-window';
import type { MissingPlaceholder } from '../templates/fill';
import { marketingPausedMessage } from '../pricing/us-marketing';

/** Everything the follow-up rule looks at: no I/O, no clock. */
export interface EligibilityInput {
  window: WindowState;
  /** A follow-up (sent, or on its way) since the customer's last message. `awaiting-reply` implies it. */
  followUpSent: boolean;
  optIn: OptIn['status'];
  /** The customer wrote START and the owner has not confirmed it yet. */
  optInRequested: boolean;
  /** null: no template chosen (or it no longer exists). */
  template: { name: string; language: string; status: TemplateStatus } | null;
  missing: readonly MissingPlaceholder[];
  /** Set when the chosen template's text cannot be read at all. */
  brokenTemplate?: string | null;
  /**
   * The chosen template is a marketing one and WhatsApp does not deliver marketing templates to this
   * number (a US number: see pricing/us-marketing.ts). Decided by the caller, which knows the date.
   */
  marketingPaused?: boolean;
  /**
   * The chosen template is a marketing one and the customer pressed a marketing template's "Stop
   * promotions" button (Contact.marketingOptOutAt). Utility templates stay allowed.
   */
  optedOutOfMarketing?: boolean;
  contactName: string;
}

export interface Refusal {
  code: FollowUpRefusal;
  /** What is wrong and what to do, in the owner's words. */
  message: string;
  /** The one action that fixes it, for a button next to the message. */
  fix: { action: FollowUpFixAction; label: string };
}

export type Eligibility = { allowed: true } | { allowed: false; refusal: Refusal };

/**
 * Whether the one follow-up may be sent now. The checks run in a fixed order and the first that fails
 * is the reason given; that order is also how the Follow-ups view groups the blocked ones:
 *   1. window-open            the window is open: write a normal message
 *   2. opted-out              the customer withdrew consent
 *   3. no-opt-in              no consent recorded
 *   4. already-sent           the one follow-up for this closed window went out: wait for the reply
 *   5. no-template            nothing to send
 *   6. template-not-approved  only approved templates may be sent
 *   7. opted-out-of-marketing   a marketing template to a customer who stopped promotions
 *   8. marketing-not-delivered  a marketing template to a US number: WhatsApp would refuse it
 *   9. missing-field          a placeholder would be empty
 * Consent comes before "already sent" because it is the one the owner must act on.
 */
export function followUpEligibility(input: EligibilityInput): Eligibility {
  const who = input.contactName;
  const refuse = (code: FollowUpRefusal, message: string, action: FollowUpFixAction, label: string) =>
    ({ allowed: false, refusal: { code, message, fix: { action, label } } }) as const;

  if (canSendFreeForm({ state: input.window })) {
    return refuse(
      'window-open',
      `${who}’s 24-hour window is still open: write a normal message. A follow-up is for after the window has closed.`,
      'write-message',
      'Write a message',
    );
  }
  if (input.optIn === 'opted-out') {
    return input.optInRequested
      ? refuse(
          'opted-out',
          `${who} opted out of messages, then wrote START. Confirm the new opt-in before sending a template.`,
          'confirm-opt-in',
          'Confirm opt-in',
        )
      : refuse(
          'opted-out',
          `${who} opted out of messages. Templates can be sent again only after ${who} opts in again (by writing START, or in person).`,
          'edit-contact',
          'Record a new opt-in',
        );
  }
  if (input.optIn === 'none') {
    return input.optInRequested
      ? refuse(
          'no-opt-in',
          `${who} wrote START to receive messages. Confirm the opt-in before sending a template.`,
          'confirm-opt-in',
          'Confirm opt-in',
        )
      : refuse(
          'no-opt-in',
          `${who} has not opted in to messages from you. WhatsApp allows templates only to customers who opted in: record when and where ${who} agreed.`,
          'edit-contact',
          'Record opt-in',
        );
  }
  if (input.followUpSent || input.window === 'awaiting-reply') {
    return refuse(
      'already-sent',
      `The one follow-up for this closed window was already sent to ${who}. WhatsApp allows no more until ${who} replies; the reply opens a new window.`,
      'wait-for-reply',
      'Awaiting reply',
    );
  }
  const template = input.template;
  if (template === null || input.brokenTemplate) {
    return refuse(
      'no-template',
      template === null
        ? `No template is chosen for ${who}. Choose an approved template, or set a default one in the settings.`
        : `The template “${template.name}” (${template.language}) cannot be used: ${input.brokenTemplate ?? ''} Edit it, or choose another.`,
      'choose-template',
      'Choose a template',
    );
  }
  if (template.status !== 'approved') {
    return refuse(
      'template-not-approved',
      `The template “${template.name}” (${template.language}) is ${template.status}, not approved: WhatsApp sends only approved templates. Choose an approved one.`,
      'choose-template',
      'Choose another template',
    );
  }
  if (input.optedOutOfMarketing) {
    return input.optInRequested
      ? refuse(
          'opted-out-of-marketing',
          `${who} stopped promotions, then wrote START. Confirm the new opt-in to send marketing templates again, or choose a utility template.`,
          'confirm-opt-in',
          'Confirm opt-in',
        )
      : refuse(
          'opted-out-of-marketing',
          `${who} pressed “Stop promotions”, so WhatsApp no longer delivers marketing templates to ${who}. Choose a utility template (an update about an order, a repair or an appointment): those are still allowed.`,
          'choose-template',
          'Choose a utility template',
        );
  }
  if (input.marketingPaused) {
    return refuse(
      'marketing-not-delivered',
      marketingPausedMessage(who),
      'choose-template',
      'Choose a utility template',
    );
  }
  if (input.missing.length > 0) {
    const list = input.missing.map(describeMissing).join('; ');
    const unmapped = input.missing.some((m) => m.field === null);
    if (unmapped) {
      return refuse(
        'missing-field',
        `Not sent to ${who}: ${list}. Map every placeholder of “${template.name}” to a contact field or a fixed text.`,
        'edit-template',
        'Edit template',
      );
    }
    const fields = input.missing.map((m) => m.field).join(', ');
    return refuse(
      'missing-field',
      `Not sent to ${who}: ${list}. Fill in ${fields} on ${who}’s contact, or choose another template.`,
      'edit-contact',
      `Fill in ${fields}`,
    );
  }
  return { allowed: true };
}

function describeMissing(m: MissingPlaceholder): string {
  return m.field === null
    ? `${m.placeholder} is not mapped to anything`
    : `${m.placeholder} would be empty (no “${m.field}”)`;
}

/**
 * Whether a template may be sent inside an open window (not the follow-up: there is no allowance to use
 * up, and no opt-in is needed because the customer is in conversation). Still refused to a customer who
 * opted out, and for a missing, unapproved or unfillable template, with the same words as a follow-up.
 * The caller checks first that the window is open.
 */
export function inWindowTemplateEligibility(
  input: Omit<EligibilityInput, 'window' | 'followUpSent'>,
): Eligibility {
  return followUpEligibility({
    ...input,
    window: 'closed',
    followUpSent: false,
    optIn: input.optIn === 'opted-out' ? 'opted-out' : 'opted-in',
  });
}
