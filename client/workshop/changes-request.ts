import { ApiError, fieldErrors, getCsrfToken } from '../api';
import type { AnswerPath } from '../../scoring/survey/answer-ops';
import type { SendOutcome, ServerConflict, WireOp } from './autosave';

interface ConflictDetails {
  currentRevision?: unknown;
  conflicts?: unknown;
}

/** Small enough for fetch's keepalive (64 KB), so a change sent as the tab closes still arrives. */
const keepaliveLimit = 60_000;

async function post(assessmentId: string, body: string): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  const token = getCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  return fetch(`/api/assessments/${assessmentId}/changes`, { method: 'POST', headers, body, keepalive: body.length < keepaliveLimit });
}

function conflictsOf(details: ConflictDetails): ServerConflict[] {
  return Array.isArray(details.conflicts) ? (details.conflicts as (ServerConflict & { path: AnswerPath })[]) : [];
}

/**
 * POST /api/assessments/{id}/changes with the outcome the sync understands. A network failure or
 * a 5xx is thrown, so the sync retries; 4xx answers are final until the user acts.
 */
export function changesSender(assessmentId: string, clientId: string): (ops: WireOp[]) => Promise<SendOutcome> {
  return async (ops) => {
    const response = await post(assessmentId, JSON.stringify({ clientId, ops }));
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (response.ok && body) {
      return { kind: 'saved', revision: Number(body['revision']), order: body['order'] as Record<string, string[]>, applied: body['applied'] as { path: AnswerPath }[], result: (body['result'] as Record<string, unknown> | null) ?? null, missing: body['missing'] as { field: string; message: string }[] };
    }
    const error = (body?.['error'] ?? {}) as { code?: string; message?: string; details?: unknown };
    if (response.status >= 500 || !body) throw new ApiError(response.status, error.code ?? 'unknown', error.message ?? response.statusText);
    const details = (error.details ?? {}) as ConflictDetails;
    if (response.status === 409 && typeof details.currentRevision === 'number' && Array.isArray(details.conflicts)) {
      return { kind: 'conflict', currentRevision: details.currentRevision, conflicts: conflictsOf(details) };
    }
    const apiError = new ApiError(response.status, error.code ?? 'unknown', error.message ?? response.statusText, error.details);
    if (response.status === 400) return { kind: 'invalid', errors: fieldErrors(apiError) };
    // The code, never the server's English text: SaveStatus puts it in the user's language.
    return { kind: 'forbidden', message: apiError.code };
  };
}
