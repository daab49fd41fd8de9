import { z } from 'zod';
import { FollowUpRefusal } from './follow-up';

/**
 * Errors the owner can meet, by kind. Each carries a message that says what happened and what to do;
 * `fields` points a form at the inputs to fix.
 */
export const ErrorCode = z.enum([
  'invalid-input',
  'not-found',
  'duplicate-phone',
  'window-closed',
  /** A template send that the rules forbid right now (consent, the one follow-up, the template); see `refusal`. */
  'refused',
  'send-failed',
  /** The thing being edited changed meanwhile; nothing was saved. */
  'conflict',
  'storage',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  /** For duplicate-phone: the contact that already has the number, so the UI can offer to open it. */
  contactId: z.string().optional(),
  /** For refused: which rule refused the send, so the UI can offer the action that fixes it. */
  refusal: FollowUpRefusal.optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly contactId: string | undefined;
  readonly refusal: FollowUpRefusal | undefined;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
    this.code = shape.code;
    this.fields = shape.fields;
    this.contactId = shape.contactId;
    this.refusal = shape.refusal;
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.contactId ? { contactId: this.contactId } : {}),
      ...(this.refusal ? { refusal: this.refusal } : {}),
    };
  }
}

/** The envelope every call returns: errors travel as data, because Electron flattens thrown errors to text. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
