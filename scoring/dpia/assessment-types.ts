import type { AnswerError } from '../survey/validate-answers';
import type { RiskLevelRef } from './risk-matrix';
import type { MeasureStatus, PrincipleJudgement } from './vocabulary';

/** The result types of assessDpia: plain JSON, stored by the server and shown by the client as they are. */

export interface ScaleValue {
  value: number;
  label: string;
}

/** One risk rated in one state (with existing measures, or residual after planned ones). */
export interface RatedState {
  severity: ScaleValue;
  likelihood: ScaleValue;
  level: RiskLevelRef;
  justification: { severity: string | null; likelihood: string | null };
}

export interface AssessedRisk {
  id: string;
  kind: 'feared-event' | 'rights';
  title: string;
  /** The feared events always; an added rights risk only when it is selected. */
  inScope: boolean;
  current: RatedState | null;
  residual: RatedState | null;
  /** Titles of the planned measures linked to this risk. */
  measures: string[];
}

export interface OverallLevel {
  level: RiskLevelRef;
  /** The risks that reach this level. */
  risks: string[];
  /** False while some risk in scope is not yet rated in this state: the level may still rise. */
  complete: boolean;
}

export interface JudgedPrinciple {
  id: string;
  label: string;
  judgement: PrincipleJudgement | null;
  judgementLabel: string | null;
  comment: string | null;
}

export interface ActionItem {
  source: 'measure' | 'principle';
  /** Where it was written: a measure's list and row id, e.g. `atgarder[k3x9]`, or `principer.uppgiftsminimering`. */
  field: string;
  title: string;
  risks: string[];
  /** Why it is in the plan, in words for the plan and the protocol (risk titles, never their ids). */
  why: string;
  principle: string | null;
  owner: string | null;
  due: string | null;
  status: MeasureStatus | null;
  /** A principle judged "Att korrigera": approval waits for it. */
  blocksApproval: boolean;
}

export interface PriorConsultation {
  required: boolean;
  threshold: RiskLevelRef;
  /** Risks whose residual level is at or above the threshold. */
  risks: string[];
  explanation: string;
}

export interface ReviewSuggestion {
  months: number;
  basedOn: RiskLevelRef | null;
  /** The decision date (or the date given by the caller) the months count from. */
  from: string | null;
  date: string | null;
  explanation: string;
}

export interface DecisionState {
  advice: string | null;
  adviceLabel: string | null;
  adviceReasons: string | null;
  decision: string | null;
  decisionLabel: string | null;
  /** The decision goes against the DSO's advice, and so must state why. */
  departsFromAdvice: boolean;
  decisionReasons: string | null;
}

export interface DpiaAssessment {
  form: { id: string; version: number };
  riskModel: { id: string; version: number };
  risks: AssessedRisk[];
  overall: { current: OverallLevel | null; residual: OverallLevel | null };
  principles: JudgedPrinciple[];
  approvalBlocked: boolean;
  blockingPrinciples: string[];
  priorConsultation: PriorConsultation;
  actionPlan: ActionItem[];
  review: ReviewSuggestion;
  dataSubjectViewsSought: boolean | null;
  decision: DecisionState;
  /** What the author must still fill in before sending the DPIA to the DSO. */
  missingBeforeDso: AnswerError[];
  readyForDso: boolean;
  /** What is still missing before a decision can be signed (the DSO's advice, the decision, its reasons). */
  missingBeforeDecision: AnswerError[];
  explanation: string[];
}

export type DpiaAssessmentEvaluation = { ok: true; result: DpiaAssessment } | { ok: false; errors: AnswerError[] };
