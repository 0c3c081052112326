import { sealPdf } from '../sealing/seal-pdf';
import { signerFor } from './build-protocol';
import type { ConfirmationRenderJob } from './render-job';
import { renderPdf } from './render-pdf';
import { reviewConfirmationDocument } from './review-confirmation';

/** Renders a review confirmation and seals it with the same seal (and signer cache) as protocols. */
export async function buildConfirmation(job: ConfirmationRenderJob): Promise<Buffer> {
  const data = job.confirmation;
  const pdf = await renderPdf(reviewConfirmationDocument(data, job.contentSha256), data.documentId);
  return sealPdf(pdf, signerFor(job.seal), {
    signingTime: new Date(job.seal.signingTime),
    name: data.organisation.topName || data.organisation.name,
    reason: `Omprövning utan ändring: ${data.asset.name}, version ${data.assessment.round}`,
    location: job.seal.location,
    contactInfo: data.verifyUrl,
  });
}
