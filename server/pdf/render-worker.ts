import { parentPort } from 'node:worker_threads';
import { buildConfirmation } from './build-confirmation';
import { buildProtocol } from './build-protocol';
import { lgReportDocument } from './lg-report';
import { renderPdf } from './render-pdf';
import type { RenderJob, RenderReply } from './render-job';

/** A render thread: takes one job at a time from the pool and answers with the PDF bytes (transferred, not copied). */
const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread');
port.on('message', (message: { id: number; job: RenderJob }) => {
  const job = message.job;
  ('report' in job ? renderPdf(lgReportDocument(job.report)) : 'confirmation' in job ? buildConfirmation(job) : buildProtocol(job)).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      const reply: RenderReply = { id: message.id, ok: true, pdf: bytes };
      port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: RenderReply = { id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage(reply);
    },
  );
});
