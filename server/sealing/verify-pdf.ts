import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type CertificateInfo, certificateInfo } from './certificate-info';
import { pkiEngine } from './crypto-engine';
import { oids } from './pades-signer';

export interface SignatureCheck {
  /** The file holds a signature field with a ByteRange and Contents. */
  signed: boolean;
  /** The CMS signature verifies and its messageDigest matches the signed bytes. */
  cryptographicallyValid: boolean;
  /** The signed byte ranges cover the whole file except the signature itself: nothing was added after. */
  coversWholeFile: boolean;
  subFilter: string | null;
  /** From the signature dictionary (/M), where PAdES keeps it. */
  signingTime: string | null;
  certificate: CertificateInfo | null;
  /** The SHA-256 the signature vouches for (its messageDigest attribute), hex: names the sealed original even in a modified copy. */
  messageDigest: string | null;
  /** Which PAdES B-B signed attributes are there. */
  signedAttributes: { contentType: boolean; messageDigest: boolean; signingCertificateV2: boolean; signingTime: boolean };
  problems: string[];
}

const unsigned: SignatureCheck = {
  signed: false,
  cryptographicallyValid: false,
  coversWholeFile: false,
  subFilter: null,
  signingTime: null,
  certificate: null,
  messageDigest: null,
  signedAttributes: { contentType: false, messageDigest: false, signingCertificateV2: false, signingTime: false },
  problems: ['Filen har ingen signatur.'],
};

/** "D:20261123174512Z" or "D:20261123174512+01'00'" → ISO 8601. */
function pdfDate(text: string | undefined): string | null {
  const match = text?.match(/^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?/);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, zone, sign, zoneHour, zoneMinute] = match;
  const offset = zone && zone !== 'Z' ? `${sign}${zoneHour}:${zoneMinute}` : 'Z';
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Checks the last signature of a PDF on our own, without trusting anything in the file: the byte
 * ranges, the digest over them and the CMS signature with the certificate it names. Whether that
 * certificate is trusted is a separate question the caller answers (is it this installation's seal?).
 */
export async function checkPdfSignature(pdf: Buffer): Promise<SignatureCheck> {
  pkiEngine();
  const text = pdf.toString('latin1');
  const byteRangeAt = text.lastIndexOf('/ByteRange');
  if (byteRangeAt < 0) return unsigned;
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(byteRangeAt, byteRangeAt + 200));
  if (!range) return { ...unsigned, signed: true, problems: ['Signaturens ByteRange går inte att läsa.'] };
  const [start, firstLength, secondStart, secondLength] = range.slice(1).map(Number) as [number, number, number, number];
  const problems: string[] = [];
  const gap = text.slice(start + firstLength, secondStart);
  const hexGap = /^<[0-9a-fA-F]*>$/.test(gap);
  const coversWholeFile = start === 0 && hexGap && secondStart + secondLength === pdf.length;
  if (!coversWholeFile) problems.push('Signaturen täcker inte hela filen: något har lagts till eller ändrats efter förseglingen.');
  if (!hexGap || secondStart + secondLength > pdf.length) return { ...unsigned, signed: true, coversWholeFile, problems: [...problems, 'Signaturens innehåll går inte att läsa.'] };

  const dictionaryStart = text.lastIndexOf('<<', start + firstLength);
  const dictionary = text.slice(Math.max(0, dictionaryStart - 2000), secondStart + 2000);
  const subFilter = /\/SubFilter\s*\/([\w.]+)/.exec(dictionary)?.[1] ?? null;
  const signingTime = pdfDate(/\/M\s*\(([^)]*)\)/.exec(dictionary)?.[1]);
  const signedBytes = Buffer.concat([pdf.subarray(start, start + firstLength), pdf.subarray(secondStart, secondStart + secondLength)]);
  const digest = createHash('sha256').update(signedBytes).digest('hex');

  const der = Buffer.from(gap.slice(1, -1), 'hex');
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  if (asn1.offset === -1) return { ...unsigned, signed: true, coversWholeFile, subFilter, signingTime, problems: [...problems, 'Signaturen är inte giltig CMS.'] };
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1.result }).content });
  } catch {
    return { ...unsigned, signed: true, coversWholeFile, subFilter, signingTime, problems: [...problems, 'Signaturen är inte en CMS SignedData.'] };
  }
  const signerInfo = signedData.signerInfos[0];
  const attributeTypes = new Set(signerInfo?.signedAttrs?.attributes.map((attribute) => attribute.type) ?? []);
  const signedAttributes = {
    contentType: attributeTypes.has(oids.contentType),
    messageDigest: attributeTypes.has(oids.messageDigest),
    signingCertificateV2: attributeTypes.has(oids.signingCertificateV2),
    signingTime: attributeTypes.has(oids.signingTime),
  };
  const signerCertificate = (signedData.certificates ?? []).find((candidate): candidate is pkijs.Certificate => {
    const sid = signerInfo?.sid;
    return candidate instanceof pkijs.Certificate && sid instanceof pkijs.IssuerAndSerialNumber && candidate.serialNumber.isEqual(sid.serialNumber) && candidate.issuer.isEqual(sid.issuer);
  });
  const digestAttribute = signerInfo?.signedAttrs?.attributes.find((attribute) => attribute.type === oids.messageDigest)?.values[0];
  const claimedDigest = digestAttribute instanceof asn1js.OctetString ? Buffer.from(digestAttribute.valueBlock.valueHexView).toString('hex') : null;
  if (claimedDigest && claimedDigest !== digest) problems.push('Filens innehåll stämmer inte med det förseglade: filen har ändrats.');
  const certificate = signerCertificate ? certificateInfo(new Uint8Array(signerCertificate.toSchema(true).toBER(false))) : null;
  let cryptographicallyValid = false;
  try {
    const verdict = await signedData.verify({ signer: 0, data: toArrayBuffer(signedBytes), checkChain: false, extendedMode: true });
    cryptographicallyValid = verdict.signatureVerified === true;
    if (!cryptographicallyValid) problems.push('Signaturen stämmer inte med filens innehåll: filen har ändrats.');
  } catch (error) {
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    problems.push(/digest/i.test(message) ? 'Signaturen stämmer inte med filens innehåll: filen har ändrats.' : `Signaturen kunde inte kontrolleras: ${message}`);
  }
  return { signed: true, cryptographicallyValid, coversWholeFile, subFilter, signingTime, certificate, messageDigest: claimedDigest, signedAttributes, problems: [...new Set(problems)] };
}
