import { PadesSigner } from '../sealing/pades-signer';
import { sealPdf } from '../sealing/seal-pdf';
import { classificationProtocol } from './classification-protocol';
import { dpiaReport } from './dpia-report';
import { screeningRecord } from './screening-record';
import type { SealJob, ProtocolRenderJob } from './render-job';
import { renderPdf } from './render-pdf';

const signers = new Map<string, PadesSigner>();

/** One signer per seal certificate, authority and thread: its key is imported once, not per protocol. */
export function signerFor(seal: SealJob): PadesSigner {
  const key = `${seal.material.fingerprint} ${seal.tsa ? JSON.stringify(seal.tsa) : ''}`;
  let signer = signers.get(key);
  if (!signer) {
    signer = new PadesSigner(seal.material, seal.tsa);
    signers.set(key, signer);
  }
  return signer;
}

/** Renders a protocol from its data and, when asked, seals it: the whole job of a render worker. */
export async function buildProtocol(job: ProtocolRenderJob): Promise<Buffer> {
  const builders = { dpia: dpiaReport, 'dpia-screening': screeningRecord, classification: classificationProtocol };
  const document = builders[job.data.kind](job.data, job.contentSha256);
  const pdf = await renderPdf(document, job.data.documentId);
  if (!job.seal) return pdf;
  const title = { dpia: 'Konsekvensbedömning', 'dpia-screening': 'Förhandsbedömning', classification: 'Informationsklassning' }[job.data.kind];
  return sealPdf(pdf, signerFor(job.seal), {
    signingTime: new Date(job.seal.signingTime),
    name: job.data.organisation.topName || job.data.organisation.name,
    reason: `${title} fastställd: ${job.data.asset.name}, version ${job.data.version}`,
    location: job.seal.location,
    contactInfo: job.data.verifyUrl,
  });
}
