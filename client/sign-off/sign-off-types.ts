/**
 * The sign-off resources as the client reads them; they mirror server/routes/sign-off-schemas.ts
 * (client/ may not import server code).
 */
import type { Role } from '../api-types';

export type ApprovalStep = 'ready' | 'dso_advice' | 'decision' | 'returned';
export const dsoAdvices = ['tillstyrker', 'tillstyrker-med-villkor', 'avstyrker'] as const;
export type DsoAdvice = (typeof dsoAdvices)[number];
export const dpiaDecisions = ['godkann', 'godkann-med-villkor', 'stoppas'] as const;
export type DpiaDecision = (typeof dpiaDecisions)[number];

export interface Approval {
  id: string;
  step: ApprovalStep;
  userId: string;
  userName: string;
  role: Role;
  /** What they confirmed; for a return, the reason. */
  statement: string;
  /** advice and reasons; decision, reasons and departsFromAdvice; reason. */
  details: Record<string, string | null>;
  revision: number;
  createdAt: string;
  /** Set when the step no longer counts (sent back to utkast, or the DSO advised anew). */
  withdrawnAt: string | null;
  /** A decision only: the delegation it was taken under and the case's diarienummer, when given. */
  delegation: string | null;
  diarienummer: string | null;
}

export interface ProtocolInfo {
  id: string;
  assessmentId: string;
  assetId: string;
  version: number;
  fileName: string;
  size: number;
  sha256: string;
  contentSha256: string;
  sealFingerprint: string;
  developmentSeal: boolean;
  sealedAt: string;
  /** The RFC 3161 proof of time; null: tidsstämpel saknas. */
  timestamp: { kind: 'signature' | 'document'; time: string; authority: string; sha256: string } | null;
}

/** Säkerhetsskydd (issue 17): null without a level-4 mark; recorded null while the säkerhetsskyddschef has not recorded where the analysis is kept. */
export type SpecialAnalysisStep = { recorded: { reference: string; userName: string; recordedAt: string } | null } | null;

export interface SignOff {
  approvals: Approval[];
  protocols: ProtocolInfo[];
  specialAnalysis: SpecialAnalysisStep;
}
