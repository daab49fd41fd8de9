import type { TemplateSpec } from '../domain/templates/submission-rules';

/**
 * Submitting a template for approval and hearing how it was judged: a provider port of its own, so a
 * provider that cannot (a second provider, the simulator) simply has none, or answers 'not-supported'.
 * What differs between providers (ids, error codes, status names) stays in the adapter.
 */
export interface TemplateSubmitter {
  submitTemplate(request: TemplateSubmitRequest): Promise<TemplateSubmitOutcome>;
  /** Status changes the platform reports (the Cloud API's `message_template_status_update` webhook). */
  onTemplateStatus(listener: TemplateStatusListener): () => void;
}

export interface TemplateSubmitRequest {
  spec: TemplateSpec;
  /** The header's sample file, for a photo, video or document header. */
  sample: { bytes: Uint8Array; mimeType: string; fileName: string } | null;
}

export type TemplateSubmitOutcome =
  | {
      ok: true;
      remoteId: string;
      /** the platform's status word, e.g. PENDING */ status: string;
      category: string | null;
    }
  | {
      ok: false;
      /**
       * refused: the platform said no (a rule, a duplicate name); auth: the token or its permission;
       * network: it never got there, try again; unknown: no answer, it may have arrived (sync will tell);
       * not-supported: this provider cannot submit templates.
       */
      kind: 'refused' | 'auth' | 'network' | 'unknown' | 'not-supported';
      /** What happened, in plain words. */
      reason: string;
      /** What the owner can do about it. */
      action: string;
    };

/** A status the platform reported for a template. */
export interface TemplateStatusUpdate {
  remoteId: string | null;
  name: string;
  language: string;
  /** The platform's event word: APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION, … */
  event: string;
  /** The platform's reason (rejections, pauses), null when it gave none. */
  reason: string | null;
  /** When the platform sent it (the webhook entry's `time`); null when it did not say. */
  at: number | null;
}

export type TemplateStatusListener = (update: TemplateStatusUpdate) => Promise<unknown>;

/** Whether a provider offers template submission (the Cloud API does; another may not). */
export function canSubmitTemplates<P extends object>(provider: P): provider is P & TemplateSubmitter {
  return (
    'submitTemplate' in provider &&
    typeof provider.submitTemplate === 'function' &&
    'onTemplateStatus' in provider &&
    typeof provider.onTemplateStatus === 'function'
  );
}
