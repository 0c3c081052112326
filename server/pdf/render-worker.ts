import { buildConfirmation } from './build-confirmation';
import { buildProtocol } from './build-protocol';
import { lgReportDocument } from './lg-report';
import { procurementDocument } from './procurement-document';
import { renderPdf } from './render-pdf';
import type { RenderJob, RenderReply, SealCheck } from './render-job';
import { checkPdfSignature } from '../sealing/verify-pdf';
import { soaDocument } from './soa-report';
import { lowerThisProcessPriority, renderNiceness } from './process-priority';

/** One job of any kind: reports render only; protocols and review confirmations are sealed too. */
function build(job: RenderJob): Promise<Buffer> {
  if ('report' in job) return renderPdf(lgReportDocument(job.report));
  if ('procurement' in job) return renderPdf(procurementDocument(job.procurement));
  if ('soa' in job) return renderPdf(soaDocument(job.soa));
  if ('confirmation' in job) return buildConfirmation(job);
  return buildProtocol(job);
}

/** A sealed job is checked here, where the CPU is the worker's: the signature verifies and whether it carries a timestamp. */
async function checked(job: RenderJob, pdf: Buffer): Promise<SealCheck | null> {
  if (!('seal' in job) || !job.seal) return null;
  const { cryptographicallyValid, messageDigest, timestamp, problems } = await checkPdfSignature(pdf);
  return { cryptographicallyValid, messageDigest, timestamp, problems };
}

/** A render process (render-pool.ts): takes one job at a time from the server and answers with the PDF bytes. */
const send = process.send?.bind(process);
if (!send) throw new Error('render-worker.ts runs only as a process started by the render pool');
// All of a document's CPU (layout, pdfmake, hashing, CMS signing, the seal check, and the garbage
// collector's threads) runs in this process, which yields to the server: the API's requests come first.
lowerThisProcessPriority(renderNiceness);
// The server went away (ended, crashed or killed): nothing is left to render for.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: { id: number; job: RenderJob }) => {
  build(message.job).then(async (pdf) => ({ pdf, check: await checked(message.job, pdf) })).then(
    ({ pdf, check }) => {
      const reply: RenderReply = { id: message.id, ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), check };
      send(reply);
    },
    (error: unknown) => {
      const reply: RenderReply = { id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      send(reply);
    },
  );
});
