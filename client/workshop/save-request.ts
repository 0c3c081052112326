import { ApiError, fieldErrors, sendJson } from '../api';
import type { Answers, Assessment } from '../api-types';
import type { SaveOutcome } from './autosave';

interface ConflictDetails {
  currentRevision?: unknown;
  changedQuestions?: unknown;
}

/**
 * PUT /api/assessments/{id}/answers with the outcome the autosaver understands. A network failure
 * or a 5xx is thrown, so the autosaver retries; 4xx answers are final until the user acts.
 */
export function answersSaver(assessmentId: string): (baseRevision: number, answers: Answers) => Promise<SaveOutcome> {
  return async (baseRevision, answers) => {
    try {
      const assessment = await sendJson<Assessment>('PUT', `/api/assessments/${assessmentId}/answers`, { baseRevision, answers });
      return { kind: 'saved', assessment };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      const details = (error.details ?? {}) as ConflictDetails;
      if (error.status === 409 && typeof details.currentRevision === 'number') {
        const changed = Array.isArray(details.changedQuestions) ? details.changedQuestions.map(String) : [];
        return { kind: 'conflict', currentRevision: details.currentRevision, changedQuestions: changed };
      }
      if (error.status === 400) return { kind: 'invalid', errors: fieldErrors(error) };
      // The code, never the server's English text: SaveStatus puts it in the user's language.
      return { kind: 'forbidden', message: error.code };
    }
  };
}
