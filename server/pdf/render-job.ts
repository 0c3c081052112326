import type { ProtocolData } from '../protocols/protocol-types';
import type { SealMaterial } from '../sealing/seal-material';

/** What the main thread posts to a render worker: all data, no handles, so it can cross threads. */
export interface RenderJob {
  data: ProtocolData;
  contentSha256: string;
  /** Without a seal the worker only renders (the benchmark's baseline). */
  seal: { material: SealMaterial; signingTime: string; location: string } | null;
}

export type RenderReply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };
