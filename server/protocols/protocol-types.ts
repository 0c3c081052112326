import type { ApprovalStep, AssessmentKind, PlanItemStatus, Role } from '../db/schema';

/**
 * Everything a protocol shows, gathered from the frozen assessment and its records before
 * rendering: plain JSON, so it can be hashed (the hash is printed on the protocol) and posted to a
 * render worker. A builder reads only this, never the database or a request.
 */
export interface ProtocolData {
  kind: AssessmentKind;
  documentId: string;
  /** Round of the assessment and the protocol's version within it: "2.1". */
  version: string;
  organisation: { name: string; topName: string };
  asset: { id: string; name: string; type: string; description: string; informationsagare: string; objektagare: string; suppliers: string[]; hosting: string | null };
  assessment: { id: string; round: number; form: { id: string; version: number; title: string }; decidedAt: string; answers: Record<string, unknown>; result: Record<string, unknown> };
  /** Classification only: the title of the classification model it was scored with, as the forms name it. */
  modelTitle?: string | null;
  /** Choice texts by question key, so the builder never needs the form. */
  labels: Record<string, Record<string, string>>;
  approvals: ApprovalRecord[];
  plan: PlanLine[];
  /** DPIA only: the risk model's scales and matrix, to draw the risk map. */
  riskMatrix: RiskMatrix | null;
  nextReviewAt: string | null;
  /** Classification only: the normative template it was adopted from, if any. */
  template?: TemplateBasis | null;
  /** Classification with a level-4 mark only (issue 17): where the säkerhetsskyddschef keeps the särskild analys. */
  specialAnalysis?: { reference: string; userName: string; recordedAt: string } | null;
  verifyUrl: string;
  seal: { development: boolean; subject: string };
  /** The audit chain's newest event when sealing began; printed on the last page. Null only for a document rendered outside sealing. */
  auditHead: { seq: number; hash: string } | null;
}

/** An adopted classification's template: the version it rests on, and per aspect the template's and the local level and why they differ. */
export interface TemplateBasis {
  name: string;
  version: number;
  organisationName: string;
  profileText: string;
  loweringPolicy: 'never' | 'with_approval';
  aspects: { aspect: string; templateLevel: number | null; localLevel: number | null; deviation: 'same' | 'raise' | 'lowering'; motivation: string | null; approvedBy: string | null }[];
  /** Informationsmängder the local workshop added. */
  localSets: string[];
  fulfilled: { requirementId: string; title: string; hur: string }[];
}

export interface ApprovalRecord {
  id: string;
  step: ApprovalStep;
  userId: string;
  userName: string;
  role: Role;
  statement: string;
  details: Record<string, string | null>;
  revision: number;
  createdAt: string;
  withdrawnAt: string | null;
  /** A decision only: the delegation it was taken under and the case's diarienummer, when given. */
  delegation: string | null;
  diarienummer: string | null;
}

export interface PlanLine {
  key: string;
  title: string;
  why: string;
  status: PlanItemStatus;
  ansvarig: string | null;
  date: string | null;
  hur: string | null;
}

export interface RiskMatrix {
  severity: { value: number; label: string }[];
  likelihood: { value: number; label: string }[];
  levels: { id: string; label: string }[];
  /** Level id per severity (rows) and likelihood step (columns, in scale order). */
  cells: { severity: number; levels: string[] }[];
}
