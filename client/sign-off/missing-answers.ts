import { ApiError } from '../api';

export interface MissingAnswer {
  field: string;
  message: string;
}

/** The answers a 409 says are missing (details.missing), before a submit or a DPIA decision; null for any other refusal. */
export function missingAnswersOf(error: unknown): MissingAnswer[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  if (!Array.isArray(missing)) return null;
  return missing.filter((entry): entry is MissingAnswer => typeof (entry as MissingAnswer | null)?.field === 'string' && typeof (entry as MissingAnswer).message === 'string');
}
