import type { AccountCredentials, ConnectionProblem, ConnectionTest } from '../contract/account';
import { AppError } from '../contract/errors';

/** The field the owner has to fix for each problem, so the form can point at it. */
const FIELD_OF: Partial<Record<ConnectionProblem, keyof AccountCredentials>> = {
  'expired-token': 'accessToken',
  'invalid-token': 'accessToken',
  'missing-permission': 'accessToken',
  'wrong-phone-number-id': 'phoneNumberId',
  'wrong-waba-id': 'wabaId',
};

export function refusal(check: Extract<ConnectionTest, { ok: false }>): AppError {
  const field = FIELD_OF[check.problem];
  return new AppError({
    code: 'invalid-input',
    message: check.reason,
    ...(field ? { fields: { [field]: check.reason } } : {}),
  });
}
