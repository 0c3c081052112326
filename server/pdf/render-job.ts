import type { ProtocolData } from '../protocols/protocol-types';
import type { LgReportData } from '../reports/lg-report-data';
import type { SealMaterial } from '../sealing/seal-material';

/** What the main thread posts to a render worker: all data, no handles, so it can cross threads. */
export interface ProtocolRenderJob {
  data: ProtocolData;
  contentSha256: string;
  /** Without a seal the worker only renders (the benchmark's baseline). */
  seal: { material: SealMaterial; signingTime: string; location: string } | null;
}

/** A report (Ledningens genomgång): rendered only, never sealed. */
export interface ReportRenderJob {
  report: LgReportData;
}

export type RenderJob = ProtocolRenderJob | ReportRenderJob;

export type RenderReply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };
