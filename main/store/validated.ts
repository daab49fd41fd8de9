import type { z } from 'zod';
import { AppError } from '../contract/errors';

/**
 * Checks what the services hand in against the schema of the file it goes to: one invalid record would
 * make the whole file unreadable at the next start.
 */
export function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const detail = issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid';
  throw new AppError({ code: 'invalid-input', message: `CareWindow could not save ${what} (${detail}).` });
}
