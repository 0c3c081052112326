import fs from 'node:fs';
import * as pkijs from 'pkijs';
import { certificateInfo, sha256Hex } from './certificate-info';
import { pkiEngine } from './crypto-engine';
import { certificatesFromPem } from './load-seal';

/**
 * Who a mathematically valid signature is by, as far as this installation is concerned: its own
 * seal, a signer that chains to a trust anchor the installation is configured with (the
 * municipality's CA, a neighbouring installation's seal), or someone unknown. A subject name proves
 * nothing — anyone can make a certificate with any name — so only keys and chains count.
 */

export type Trust =
  | { kind: 'this-installation'; anchor: null }
  | { kind: 'trust-anchor'; anchor: string }
  | { kind: 'unknown'; anchor: null; reason: string };

export interface TrustAnchors {
  certificates: pkijs.Certificate[];
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const loaded = new Map<string, TrustAnchors>();

/** The anchors from the configured PEM files, read once per list of files. */
export function trustAnchors(files: string[]): TrustAnchors {
  const key = files.join('\n');
  let anchors = loaded.get(key);
  if (!anchors) {
    pkiEngine();
    const certificates = files.flatMap((file) => certificatesFromPem(fs.readFileSync(file, 'utf8'))).map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
    anchors = { certificates };
    loaded.set(key, anchors);
  }
  return anchors;
}

function subjectOf(certificate: pkijs.Certificate): string {
  return certificateInfo(new Uint8Array(certificate.toSchema(true).toBER(false))).subject;
}

/**
 * The trust verdict on a signer. The chain is validated with pkijs's engine against the anchors
 * only (the CMS's own certificates may fill in intermediates, never serve as an anchor), with every
 * certificate's validity period checked at `at`.
 */
export async function judgeSigner(
  signer: Uint8Array | null,
  others: Uint8Array[],
  context: { sealFingerprint: string; anchors: TrustAnchors; at: Date },
): Promise<Trust> {
  if (!signer) return { kind: 'unknown', anchor: null, reason: 'Signaturen saknar signerarens certifikat.' };
  if (sha256Hex(signer) === context.sealFingerprint) return { kind: 'this-installation', anchor: null };
  if (context.anchors.certificates.length === 0) return { kind: 'unknown', anchor: null, reason: 'Signeraren är varken den här installationens sigill eller utfärdad av en betrodd utfärdare.' };
  pkiEngine();
  const leaf = pkijs.Certificate.fromBER(toArrayBuffer(signer));
  // A neighbouring installation's seal configured as an anchor is the signer itself, not a CA above it.
  const itself = context.anchors.certificates.find((anchor) => sha256Hex(new Uint8Array(anchor.toSchema(true).toBER(false))) === sha256Hex(signer));
  if (itself) {
    const valid = leaf.notBefore.value <= context.at && context.at <= leaf.notAfter.value;
    return valid ? { kind: 'trust-anchor', anchor: subjectOf(itself) } : { kind: 'unknown', anchor: null, reason: 'Signerarens certifikat är inte giltigt vid kontrolltiden.' };
  }
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: context.anchors.certificates,
    certs: [leaf, ...others.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)))],
    checkDate: context.at,
  });
  try {
    const result = await engine.verify();
    const path = result.certificatePath ?? [];
    const anchor = path.at(-1);
    if (result.result && anchor) return { kind: 'trust-anchor', anchor: subjectOf(anchor) };
    return { kind: 'unknown', anchor: null, reason: `Signeraren kedjar inte till en betrodd utfärdare (${result.resultMessage}).` };
  } catch (error) {
    const message = typeof error === 'object' && error !== null && 'resultMessage' in error ? String(error.resultMessage) : String(error);
    return { kind: 'unknown', anchor: null, reason: `Signeraren kedjar inte till en betrodd utfärdare (${message}).` };
  }
}
