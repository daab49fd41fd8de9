import type { TemplateStatus } from '../../contract/model';

/**
 * What a template status event from WhatsApp means for the library, and the words the owner is told.
 * Pure. Events as the `message_template_status_update` webhook names them
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update);
 * rejection reasons as the template-management page lists them (ABUSIVE_CONTENT, INCORRECT_CATEGORY,
 * INVALID_FORMAT, PROMOTIONAL, SCAM, TAG_CONTENT_MISMATCH); pausing as on …/templates/template-quality
 * (paused for 3 hours the first time, 6 the second, disabled the third).
 */

/** The library status an event moves a template to; null for events that are not a status (FLAGGED…). */
export function statusOfEvent(event: string): TemplateStatus | null {
  switch (event.toUpperCase()) {
    case 'APPROVED':
    case 'REINSTATED':
    case 'UNARCHIVED':
      return 'approved';
    case 'REJECTED':
      return 'rejected';
    case 'PAUSED':
      return 'paused';
    case 'PENDING':
    case 'IN_APPEAL':
      return 'pending';
    case 'DISABLED':
    case 'PENDING_DELETION':
    case 'DELETED':
    case 'ARCHIVED':
    case 'LIMIT_EXCEEDED':
      return 'disabled';
    default:
      return null;
  }
}

/** The reason in plain words and what to do about it. */
export function rejectionAdvice(reason: string | null): { why: string; todo: string } {
  switch ((reason ?? '').toUpperCase()) {
    case 'INVALID_FORMAT':
      return {
        why: 'its format breaks WhatsApp’s rules (placeholders, examples or length)',
        todo: 'Check the placeholders and their examples, then submit a corrected copy.',
      };
    case 'PROMOTIONAL':
    case 'INCORRECT_CATEGORY':
    case 'TAG_CONTENT_MISMATCH':
      return {
        why: 'its text does not match its category (it reads as promotion)',
        todo: 'Submit it again as a marketing template, or take the promotional wording out.',
      };
    case 'ABUSIVE_CONTENT':
    case 'SCAM':
      return {
        why: 'WhatsApp judged its content against the Business Messaging Policy',
        todo: 'Rewrite it, or ask for a review (appeal) in WhatsApp Manager if you think this is a mistake.',
      };
    case '':
    case 'NONE':
      return {
        why: 'WhatsApp gave no reason',
        todo: 'Look at it in WhatsApp Manager, change it and submit it again.',
      };
    default:
      return {
        why: `WhatsApp said: ${reason}`,
        todo: 'Change it and submit it again, or appeal in WhatsApp Manager.',
      };
  }
}

/** The notification for a status change, in plain words; `label` is "order_ready (en)". */
export function templateStatusNotice(
  label: string,
  to: TemplateStatus,
  reason: string | null,
): { title: string; body: string } {
  switch (to) {
    case 'approved':
      return {
        title: `Template approved: ${label}`,
        body: 'WhatsApp approved it. You can send it to customers now.',
      };
    case 'rejected': {
      const { why, todo } = rejectionAdvice(reason);
      return { title: `Template rejected: ${label}`, body: `WhatsApp rejected it: ${why}. ${todo}` };
    }
    case 'paused':
      return {
        title: `Template paused: ${label}`,
        body:
          'WhatsApp paused it because customers reported or blocked it. It cannot be sent for a few hours' +
          `${reason ? ` (${reason})` : ''}; look at its wording before it is used again.`,
      };
    case 'disabled':
      return {
        title: `Template disabled: ${label}`,
        body: `It can no longer be sent${reason ? ` (${reason})` : ''}. Create a new template with different wording.`,
      };
    case 'pending':
      return {
        title: `Template under review: ${label}`,
        body: 'WhatsApp is reviewing it again; it cannot be sent until approved.',
      };
  }
}
