import type { RequirementRef } from '../../scoring/classification/catalog-versions';
import type { AnswerError } from '../../scoring/survey/validate-answers';
import type { PlanItemStatus } from '../db/schema';

/** One entry of the action plan a result makes applicable, keyed stably so edits survive re-scoring. */
export interface PlanEntry {
  sourceKey: string;
  title: string;
  /** What the plan table shows beside the title: why it applies and how strong it must be. JSON. */
  detail: Record<string, unknown>;
  /** Classification: the requirement's version and the earlier requirements it replaces, so the sync can carry their items over. */
  requirement?: { version: number; replaces: RequirementRef[] };
  /** The status the form itself gives (a DPIA measure's): the item takes it when it appears and whenever the form's answer changes. */
  status?: PlanItemStatus;
}

export type AssetProfile = Record<'K' | 'R' | 'T' | 'S', number | null>;

/** The server's own scoring of a set of answers: the only result ever stored. */
export interface ScoredAssessment {
  result: object;
  complete: boolean;
  missing: AnswerError[];
  plan: PlanEntry[];
  /** A one-line summary for lists and the audit trail: "K2 R3 T2 S1", "Krävs". */
  summary: string;
  /** Classification only: the object's levels, kept on the asset for lists and reports. */
  profile?: AssetProfile;
}

export type ScoreOutcome = { ok: true; scored: ScoredAssessment } | { ok: false; errors: AnswerError[] };
