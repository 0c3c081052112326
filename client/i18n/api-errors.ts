import { ApiError } from '../api';
import type { MessageKey } from './messages';

/** Every code the API answers with (server/errors.ts; tests/unit/client/api-errors.test.ts keeps the two lists equal). */
export const keyByCode = {
  bad_request: 'apiError.bad_request',
  invalid_json: 'apiError.invalid_json',
  validation_failed: 'apiError.validation_failed',
  unauthorized: 'apiError.unauthorized',
  invalid_credentials: 'apiError.invalid_credentials',
  csrf_failed: 'apiError.csrf_failed',
  forbidden: 'apiError.forbidden',
  not_found: 'apiError.not_found',
  conflict: 'apiError.conflict',
  payload_too_large: 'apiError.payload_too_large',
  unsupported_media_type: 'apiError.unsupported_media_type',
  rate_limited: 'apiError.rate_limited',
  internal: 'apiError.internal',
  principles_to_correct: 'apiError.principles_to_correct',
  separation_of_duties: 'apiError.separation_of_duties',
  seal_unavailable: 'apiError.seal_unavailable',
  protocol_pending: 'apiError.protocol_pending',
  special_analysis_missing: 'apiError.special_analysis_missing',
  sign_off_answer: 'apiError.sign_off_answer',
} as const satisfies Record<string, MessageKey>;

type ErrorCode = keyof typeof keyByCode;

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(keyByCode, code);
}

/**
 * The one place an error becomes words for a person: by the API's error code, in the user's
 * language. The server's own message is English and meant for logs and developers, so it is
 * never shown; a failed fetch (no network) has its own message.
 */
export function errorMessageKey(error: unknown): MessageKey {
  if (error instanceof ApiError) return codeMessageKey(error.code, error.status);
  if (error instanceof TypeError) return 'apiError.network';
  return 'apiError.unknown';
}

/** The words for an API error code (and its HTTP status, for a code this client does not know). */
export function codeMessageKey(code: string, status = 400): MessageKey {
  if (isErrorCode(code)) return keyByCode[code];
  return status >= 500 ? 'apiError.internal' : 'apiError.unknown';
}
