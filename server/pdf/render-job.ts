import type { ProtocolData } from '../protocols/protocol-types';
import type { ProcurementData } from '../exports/procurement-data';
import type { LgReportData } from '../reports/lg-report-data';
import type { SoaData } from '../reports/soa-data';
import type { ReviewConfirmationData } from '../reviews/confirmation-data';
import type { SealMaterial } from '../sealing/seal-material';
import type { TsaSettings } from '../sealing/tsa-client';
import type { SignatureCheck } from '../sealing/verify-pdf';

/** How to seal: the seal, the time it names, and the time-stamping authority to ask (none: B-B). */
export interface SealJob {
  material: SealMaterial;
  signingTime: string;
  location: string;
  tsa: TsaSettings | null;
}

/** What the main thread posts to a render worker: all data, no handles, so it can cross threads. */
export interface ProtocolRenderJob {
  data: ProtocolData;
  contentSha256: string;
  /** Without a seal the worker only renders (the benchmark's baseline). */
  seal: SealJob | null;
}

/** A report (Ledningens genomgång): rendered only, never sealed. */
export interface ReportRenderJob {
  report: LgReportData;
}

/** A review confirmed unchanged: a short document, sealed like a protocol. */
export interface ConfirmationRenderJob {
  confirmation: ReviewConfirmationData;
  contentSha256: string;
  seal: SealJob;
}

/** Upphandlingskrav for an asset: rendered only. */
export interface ProcurementRenderJob {
  procurement: ProcurementData;
}

/** A tillämpningsförklaring: rendered only. */
export interface SoaRenderJob {
  soa: SoaData;
}

export type RenderJob = ProtocolRenderJob | ReportRenderJob | ConfirmationRenderJob | ProcurementRenderJob | SoaRenderJob;

export type SealedRenderJob = ProtocolRenderJob | ConfirmationRenderJob;

/** The worker's own check of what it sealed, so the main thread spends no CPU on parsing the CMS. */
export type SealCheck = Pick<SignatureCheck, 'cryptographicallyValid' | 'messageDigest' | 'timestamp' | 'problems'>;

export type RenderReply = { id: number; ok: true; pdf: Uint8Array; check: SealCheck | null } | { id: number; ok: false; error: string };
