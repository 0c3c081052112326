import { sendBytes } from '../api';
import type { Verification } from '../contract/api-types';

/** The server's limit on a PDF to verify (server/routes/protocols.ts maxPdfBytes). */
export const maxPdfBytes = 20 * 1024 * 1024;

export type FileProblem = 'too-large' | 'not-pdf';

/** Checked in the browser first, so a wrong file gets a clear answer without a round trip. */
export function fileProblem(bytes: Uint8Array): FileProblem | null {
  if (bytes.byteLength > maxPdfBytes) return 'too-large';
  const magic = String.fromCharCode(...bytes.subarray(0, 5));
  return magic === '%PDF-' ? null : 'not-pdf';
}

/** The PDF itself is the body (not a form upload): the server checks the very bytes it gets. */
export function verifyPdf(bytes: ArrayBuffer): Promise<Verification> {
  return sendBytes<'POST /api/verify'>('/api/verify', bytes, 'application/pdf');
}
