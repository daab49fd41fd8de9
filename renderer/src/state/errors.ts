import { AppError } from '../../../main/contract/errors';

/** The message to show for a failed call: the main process's own words when it gave any. */
export function errorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Something went wrong${detail}. Try again; if it keeps happening, restart CareWindow.`;
}

export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError({ code: 'internal', message: errorMessage(error) });
}
