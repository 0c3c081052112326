import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type CertificateInfo, certificateInfo } from './certificate-info';
import { pkiEngine } from './crypto-engine';
import { oids } from './pades-signer';

export interface SignatureCheck {
  /** The file holds a signature field with a ByteRange and Contents. */
  signed: boolean;
  /** A signature, or a document timestamp (ETSI.RFC3161). */
  kind: 'signature' | 'timestamp';
  /** The CMS signature verifies and its messageDigest (a timestamp: its message imprint) matches the signed bytes. */
  cryptographicallyValid: boolean;
  /** The signed bytes are not what the signature vouches for: the file changed after signing. */
  digestMismatch: boolean;
  /** The signed byte ranges cover the whole file except the signature itself: nothing was added after. */
  coversWholeFile: boolean;
  /** Where the signed bytes end: the end of the revision this signature seals. */
  signedEnd: number;
  /** Bytes after the DER inside /Contents that are not zero padding: hidden data. */
  paddingPayload: number;
  subFilter: string | null;
  /** From the signature dictionary (/M), where PAdES keeps it; for a timestamp, its genTime. */
  signingTime: string | null;
  certificate: CertificateInfo | null;
  /** The signer's certificate and the others the CMS carries, DER: what a trust check builds a chain from. */
  certificates: { signer: Uint8Array | null; others: Uint8Array[] };
  /** The SHA-256 the signature vouches for (its messageDigest attribute), hex. */
  messageDigest: string | null;
  /** Which PAdES B-B signed attributes are there. */
  signedAttributes: { contentType: boolean; messageDigest: boolean; signingCertificateV2: boolean; signingTime: boolean };
  /** The RFC 3161 token in the signature's unsigned attributes (PAdES B-T), or a document timestamp's own token; null: none. */
  timestamp: TimestampCheck | null;
  problems: string[];
}

export interface TimestampCheck {
  /** The authority's genTime, ISO 8601. */
  time: string;
  /** The subject of the certificate that signed the token. */
  authority: string;
  /** The token is signed by that certificate and stamps exactly this signature (or, as a document timestamp, these bytes). */
  valid: boolean;
}

const unsigned: SignatureCheck = {
  signed: false,
  kind: 'signature',
  cryptographicallyValid: false,
  digestMismatch: false,
  coversWholeFile: false,
  signedEnd: 0,
  paddingPayload: 0,
  subFilter: null,
  signingTime: null,
  certificate: null,
  certificates: { signer: null, others: [] },
  messageDigest: null,
  signedAttributes: { contentType: false, messageDigest: false, signingCertificateV2: false, signingTime: false },
  timestamp: null,
  problems: ['Filen har ingen signatur.'],
};

const changed = 'Signaturen stämmer inte med filens innehåll: filen har ändrats.';
const hashNames: Record<string, string> = { '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512' };

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

function errorText(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}

function derOf(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}

/** A document timestamp vouches for the bytes through its TSTInfo's message imprint, not a messageDigest attribute. */
function timestampImprint(signedData: pkijs.SignedData, signedBytes: Buffer): { matches: boolean; genTime: string | null } {
  const content = signedData.encapContentInfo.eContent;
  if (signedData.encapContentInfo.eContentType !== pkijs.id_eContentType_TSTInfo || !content) return { matches: false, genTime: null };
  const info = pkijs.TSTInfo.fromBER(toArrayBuffer(new Uint8Array(content.getValue())));
  const algorithm = hashNames[info.messageImprint.hashAlgorithm.algorithmId];
  if (!algorithm) return { matches: false, genTime: info.genTime.toISOString() };
  const expected = createHash(algorithm).update(signedBytes).digest('hex');
  return { matches: Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex') === expected, genTime: info.genTime.toISOString() };
}

function signerCertificateOf(signedData: pkijs.SignedData): pkijs.Certificate | undefined {
  const sid = signedData.signerInfos[0]?.sid;
  return (signedData.certificates ?? []).find((candidate): candidate is pkijs.Certificate =>
    candidate instanceof pkijs.Certificate && sid instanceof pkijs.IssuerAndSerialNumber && candidate.serialNumber.isEqual(sid.serialNumber) && candidate.issuer.isEqual(sid.issuer));
}

/** A signature timestamp token (id-aa-signatureTimeStampToken) and whether it stamps this signature value. */
async function signatureTimestamp(signerInfo: pkijs.SignerInfo | undefined): Promise<TimestampCheck | null> {
  const value = signerInfo?.unsignedAttrs?.attributes.find((attribute) => attribute.type === oids.signatureTimeStampToken)?.values[0];
  if (!signerInfo || !value) return null;
  try {
    const token = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: value }).content });
    const content = token.encapContentInfo.eContent;
    if (token.encapContentInfo.eContentType !== pkijs.id_eContentType_TSTInfo || !content) return null;
    const info = pkijs.TSTInfo.fromBER(toArrayBuffer(new Uint8Array(content.getValue())));
    const signer = signerCertificateOf(token);
    const data = toArrayBuffer(new Uint8Array(signerInfo.signature.valueBlock.valueHexView));
    const verdict = await token.verify({ signer: 0, data, checkChain: false, extendedMode: true }).catch(() => ({ signatureVerified: false }));
    return { time: info.genTime.toISOString(), authority: signer ? certificateInfo(derOf(signer)).subject : '', valid: verdict.signatureVerified === true };
  } catch {
    return null;
  }
}

/**
 * Checks one signature on our own, without trusting anything in the file: its byte range, the
 * digest over it, the CMS signature with the certificate it names, and that /Contents holds the DER
 * and zero padding only. Whether the signer is trusted, and what later revisions change, are
 * separate questions (signature-trust.ts, pdf-updates.ts).
 */
async function checkSignatureAt(pdf: Buffer, text: string, range: [number, number, number, number]): Promise<SignatureCheck> {
  const [start, firstLength, secondStart, secondLength] = range;
  const problems: string[] = [];
  const gap = text.slice(start + firstLength, secondStart);
  // The one gap in the signed bytes must be the signature dictionary's own /Contents, not some other hex string.
  const hexGap = /^<[0-9a-fA-F]*>$/.test(gap) && /\/Contents\s*$/.test(text.slice(Math.max(0, start + firstLength - 40), start + firstLength));
  const signedEnd = secondStart + secondLength;
  const coversWholeFile = start === 0 && hexGap && signedEnd === pdf.length;
  if (!coversWholeFile) problems.push('Signaturen täcker inte hela filen: något har lagts till eller ändrats efter förseglingen.');
  const base = { ...unsigned, signed: true, coversWholeFile, signedEnd };
  if (start !== 0 || !hexGap || signedEnd > pdf.length || secondStart < start + firstLength) return { ...base, problems: [...problems, 'Signaturens innehåll går inte att läsa.'] };

  const objectStart = text.lastIndexOf(' obj', start + firstLength);
  const objectEnd = text.indexOf('endobj', secondStart);
  const dictionary = text.slice(Math.max(0, objectStart), objectEnd < 0 ? secondStart + 2000 : objectEnd);
  const subFilter = /\/SubFilter\s*\/([\w.]+)/.exec(dictionary)?.[1] ?? null;
  const kind = subFilter === 'ETSI.RFC3161' || /\/Type\s*\/DocTimeStamp/.test(dictionary) ? 'timestamp' : 'signature';
  const signedBytes = Buffer.concat([pdf.subarray(start, start + firstLength), pdf.subarray(secondStart, secondStart + secondLength)]);
  const digest = createHash('sha256').update(signedBytes).digest('hex');
  const described = { ...base, kind, subFilter, signingTime: pdfDate(/\/M\s*\(([^)]*)\)/.exec(dictionary)?.[1]) } as const;

  const contents = Buffer.from(gap.slice(1, -1).length % 2 ? `${gap.slice(1, -1)}0` : gap.slice(1, -1), 'hex');
  const asn1 = asn1js.fromBER(toArrayBuffer(contents));
  if (asn1.offset === -1) return { ...described, problems: [...problems, 'Signaturen är inte giltig CMS.'] };
  const padding = contents.subarray(asn1.offset);
  const paddingPayload = padding.length - padding.filter((byte) => byte === 0).length;
  if (paddingPayload > 0) problems.push(`Efter signaturen i /Contents ligger ${paddingPayload} byte som inte är utfyllnad: filen har ändrats.`);
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1.result }).content });
  } catch {
    return { ...described, paddingPayload, problems: [...problems, 'Signaturen är inte en CMS SignedData.'] };
  }
  const signerInfo = signedData.signerInfos[0];
  const attributeTypes = new Set(signerInfo?.signedAttrs?.attributes.map((attribute) => attribute.type) ?? []);
  const signedAttributes = {
    contentType: attributeTypes.has(oids.contentType),
    messageDigest: attributeTypes.has(oids.messageDigest),
    signingCertificateV2: attributeTypes.has(oids.signingCertificateV2),
    signingTime: attributeTypes.has(oids.signingTime),
  };
  const all = (signedData.certificates ?? []).filter((candidate): candidate is pkijs.Certificate => candidate instanceof pkijs.Certificate);
  const signerCertificate = all.find((candidate) => {
    const sid = signerInfo?.sid;
    return sid instanceof pkijs.IssuerAndSerialNumber && candidate.serialNumber.isEqual(sid.serialNumber) && candidate.issuer.isEqual(sid.issuer);
  });
  const certificates = { signer: signerCertificate ? derOf(signerCertificate) : null, others: all.filter((candidate) => candidate !== signerCertificate).map(derOf) };
  const digestAttribute = signerInfo?.signedAttrs?.attributes.find((attribute) => attribute.type === oids.messageDigest)?.values[0];
  const claimedDigest = digestAttribute instanceof asn1js.OctetString ? Buffer.from(digestAttribute.valueBlock.valueHexView).toString('hex') : null;
  const timestamp = kind === 'timestamp' ? timestampImprint(signedData, signedBytes) : null;
  const digestMismatch = timestamp ? !timestamp.matches : claimedDigest !== null && claimedDigest !== digest;
  if (digestMismatch) problems.push(timestamp ? 'Tidsstämpeln gäller inte filens innehåll: filen har ändrats.' : 'Filens innehåll stämmer inte med det förseglade: filen har ändrats.');
  const certificate = certificates.signer ? certificateInfo(certificates.signer) : null;
  const stamped = timestamp ? null : await signatureTimestamp(signerInfo);
  if (stamped && !stamped.valid) problems.push('Signaturens tidsstämpel stämmer inte med signaturen.');
  let cryptographicallyValid = false;
  try {
    // For a timestamp pkijs checks the TSTInfo's imprint against these bytes itself, as well as the signature over the TSTInfo.
    const verdict = await signedData.verify({ signer: 0, data: toArrayBuffer(signedBytes), checkChain: false, extendedMode: true });
    cryptographicallyValid = verdict.signatureVerified === true && !digestMismatch;
    if (!cryptographicallyValid) problems.push(changed);
  } catch (error) {
    const message = errorText(error);
    problems.push(/digest/i.test(message) ? changed : `Signaturen kunde inte kontrolleras: ${message}`);
  }
  return {
    ...described,
    signingTime: timestamp?.genTime ?? described.signingTime,
    cryptographicallyValid,
    digestMismatch: digestMismatch || problems.includes(changed),
    paddingPayload,
    certificate,
    certificates,
    messageDigest: claimedDigest,
    signedAttributes,
    timestamp: timestamp?.genTime && certificate ? { time: timestamp.genTime, authority: certificate.subject, valid: cryptographicallyValid } : stamped,
    problems: [...new Set(problems)],
  };
}

/** Every signature and document timestamp in the file, in file order; one check per distinct byte range. */
export async function checkPdfSignatures(pdf: Buffer): Promise<SignatureCheck[]> {
  pkiEngine();
  const text = pdf.toString('latin1');
  const ranges = new Map<string, [number, number, number, number] | null>();
  for (const match of text.matchAll(/\/ByteRange\s*(\[[^\]]{0,200}\])?/g)) {
    const numbers = /^\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]$/.exec(match[1] ?? '');
    ranges.set(numbers ? numbers.slice(1).join(' ') : `unreadable ${match.index}`, numbers ? (numbers.slice(1).map(Number) as [number, number, number, number]) : null);
  }
  const checks: SignatureCheck[] = [];
  for (const range of ranges.values()) {
    checks.push(range ? await checkSignatureAt(pdf, text, range) : { ...unsigned, signed: true, problems: ['Signaturens ByteRange går inte att läsa.'] });
  }
  return checks;
}

/** The newest signature of a PDF (the one covering the most of it): what sealing checks its own output with. */
export async function checkPdfSignature(pdf: Buffer): Promise<SignatureCheck> {
  const checks = await checkPdfSignatures(pdf);
  return checks.sort((a, b) => b.signedEnd - a.signedEnd)[0] ?? unsigned;
}
