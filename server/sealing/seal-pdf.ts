import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';
import type { PadesSigner } from './pades-signer';
import { requestTimestamp, type TsaSettings } from './tsa-client';

/**
 * Room for the DER signature: a seal certificate with a chain of two or three CA certificates and
 * an RFC 3161 timestamp token with the authority's certificates. The placeholder holds it hex-encoded, twice this.
 */
export const signatureBytes = 16_384;

export interface SealOptions {
  signingTime: Date;
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
}

const signPdf = new SignPdf();

function lastTrailer(text: string): string {
  const at = text.lastIndexOf('trailer');
  return at < 0 ? '' : text.slice(at, text.indexOf('startxref', at));
}

/**
 * @signpdf's incremental update writes a trailer without the file's /ID, which PDF/A requires in
 * the newest trailer (ISO 19005-2 §6.1.3); the original ID is copied into it. The trailer lies
 * after the placeholder, so the byte range found later still covers it.
 */
function keepFileId(before: Buffer, after: Buffer): Buffer {
  const id = /\/ID\s*(\[\s*<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*\])/.exec(lastTrailer(before.toString('latin1')))?.[1];
  const text = after.toString('latin1');
  const trailerAt = text.lastIndexOf('trailer');
  const close = text.lastIndexOf('>>', text.indexOf('startxref', trailerAt));
  if (!id || trailerAt < 0 || /\/ID\s*\[/.test(text.slice(trailerAt, close))) return after;
  return Buffer.concat([after.subarray(0, close), Buffer.from(`/ID ${id}\n`, 'latin1'), after.subarray(close)]);
}

/** Adds an ETSI.CAdES.detached signature field to a finished PDF and fills it (with a signature timestamp when the signer has an authority). */
export async function sealPdf(pdf: Buffer, signer: PadesSigner, options: SealOptions): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: options.reason,
    contactInfo: options.contactInfo,
    name: options.name,
    location: options.location,
    signingTime: options.signingTime,
    signatureLength: signatureBytes,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Sigill',
  });
  return signPdf.sign(keepFileId(pdf, withPlaceholder), signer, options.signingTime);
}

/** The token over the bytes @signpdf hands it: the byte ranges of the new revision, which is what a document timestamp vouches for. */
class DocumentTimestamper extends Signer {
  constructor(private readonly tsa: TsaSettings) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return Buffer.from(await requestTimestamp(this.tsa, content));
  }
}

/**
 * A PAdES document timestamp (ETSI.RFC3161) as its own incremental update: what a seal made while the
 * authority was down gets later, so the time it existed is proven before its certificate expires.
 */
export async function addDocumentTimestamp(pdf: Buffer, tsa: TsaSettings, name: string): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: 'Tidsstämpel',
    contactInfo: '',
    name,
    location: '',
    signatureLength: signatureBytes,
    subFilter: 'ETSI.RFC3161',
    appName: 'Sigill',
  });
  return signPdf.sign(keepFileId(pdf, withPlaceholder), new DocumentTimestamper(tsa));
}
