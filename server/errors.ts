import type { ContentfulStatusCode } from 'hono/utils/http-status';

const statusByCode = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  protocol_pending: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  // Decision rules (issue 13): refusals a person can act on, each translated by the client.
  principles_to_correct: 409,
  separation_of_duties: 409,
  // Säkerhetsskydd (issue 17): a level-4 classification waits for the säkerhetsskyddschef's analysis reference.
  special_analysis_missing: 409,
  // DPIA form v2 (issue 17): the DSO's advice and the decision are the sign-off's to write, not the author's.
  sign_off_answer: 400,
  seal_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof statusByCode;

export interface ErrorDetail {
  field: string;
  message: string;
  /** A stable reason a client can translate (e.g. `password_common`); the message is English. */
  code?: string;
}

/** The one error type handlers throw; app.onError turns it into `{ error: { code, message, details? } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return statusByCode[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: AppError['details'] };
}

export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return body;
}
