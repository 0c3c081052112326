import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { PadesSigner } from './pades-signer';

/**
 * Room for the DER signature: a seal certificate with a chain of two or three CA certificates and,
 * later, an RFC 3161 timestamp token. The placeholder holds it hex-encoded, twice this.
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

/** Adds an ETSI.CAdES.detached signature field to a finished PDF and fills it. */
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
  return signPdf.sign(withPlaceholder, signer, options.signingTime);
}
