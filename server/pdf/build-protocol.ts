import { PadesSigner } from '../sealing/pades-signer';
import { sealPdf } from '../sealing/seal-pdf';
import { classificationProtocol } from './classification-protocol';
import { dpiaReport } from './dpia-report';
import { screeningRecord } from './screening-record';
import type { ProtocolRenderJob } from './render-job';
import { renderPdf } from './render-pdf';

const signers = new Map<string, PadesSigner>();

/** One signer per seal certificate and thread: its key is imported once, not per protocol. */
export function signerFor(material: NonNullable<ProtocolRenderJob['seal']>['material']): PadesSigner {
  let signer = signers.get(material.fingerprint);
  if (!signer) {
    signer = new PadesSigner(material);
    signers.set(material.fingerprint, signer);
  }
  return signer;
}

/** Renders a protocol from its data and, when asked, seals it: the whole job of a render worker. */
export async function buildProtocol(job: ProtocolRenderJob): Promise<Buffer> {
  const builders = { dpia: dpiaReport, 'dpia-screening': screeningRecord, classification: classificationProtocol };
  const document = builders[job.data.kind](job.data, job.contentSha256);
  const pdf = await renderPdf(document);
  if (!job.seal) return pdf;
  const title = { dpia: 'Konsekvensbedömning', 'dpia-screening': 'Förhandsbedömning', classification: 'Informationsklassning' }[job.data.kind];
  return sealPdf(pdf, signerFor(job.seal.material), {
    signingTime: new Date(job.seal.signingTime),
    name: job.data.organisation.topName || job.data.organisation.name,
    reason: `${title} fastställd: ${job.data.asset.name}, version ${job.data.version}`,
    location: job.seal.location,
    contactInfo: job.data.verifyUrl,
  });
}
