import type { Role } from '../db/schema';

/**
 * What a review confirmation ("oförändrad") document shows: plain data only, so it can cross into a
 * render thread and be hashed as canonical JSON like a protocol's data.
 */
export interface ReviewConfirmationData {
  documentId: string;
  organisation: { name: string; topName: string };
  asset: { id: string; name: string; type: string };
  assessment: { id: string; kind: 'classification' | 'dpia'; round: number; summary: string | null; decidedAt: string; previousReviewAt: string | null };
  /** The sealed protocol the confirmation refers to, when one exists. */
  protocol: { version: number; sha256: string } | null;
  confirmedBy: { name: string; role: Role };
  statement: string;
  confirmedAt: string;
  /** The review date that was due, and the one that follows from this confirmation. */
  wasDueAt: string | null;
  nextReviewAt: string;
  intervalMonths: number;
  verifyUrl: string;
  seal: { development: boolean; subject: string };
  /** The audit chain's newest event when sealing began; printed in the verification block. */
  auditHead: { seq: number; hash: string } | null;
}
