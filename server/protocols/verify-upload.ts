import type { AppDeps } from '../app-context';
import { PdfRevisions } from '../sealing/pdf-revisions';
import { PdfSyntaxError } from '../sealing/pdf-syntax';
import { pageText } from '../sealing/pdf-text';
import { analyseUpdates, type UpdateAnalysis } from '../sealing/pdf-updates';
import { judgeSigner, type Trust, type TrustAnchors, trustAnchors } from '../sealing/signature-trust';
import { checkPdfSignatures, type SignatureCheck } from '../sealing/verify-pdf';
import { matchDocument, printedDocumentId } from './document-match';

export type Verdict = 'valid' | 'untrusted' | 'modified' | 'unsigned' | 'invalid';

/** The file's revisions, or why they cannot be read: a file we cannot analyse is never called valid. */
function structureOf(pdf: Buffer): { revisions: PdfRevisions | null; problem: string | null } {
  try {
    const revisions = new PdfRevisions(pdf);
    if (revisions.revisions.some((revision) => revision.trailer.has('Encrypt'))) return { revisions: null, problem: 'Filen är krypterad och kan inte analyseras.' };
    return { revisions, problem: null };
  } catch (error) {
    if (error instanceof PdfSyntaxError) return { revisions: null, problem: `Filens uppbyggnad går inte att analysera: ${error.message}.` };
    throw error;
  }
}

/** Later revisions judged against the earliest signed one; a parse failure on the way is itself a finding. */
function updatesAfter(revisions: PdfRevisions, signed: number): UpdateAnalysis {
  try {
    return analyseUpdates(revisions, signed);
  } catch (error) {
    if (error instanceof PdfSyntaxError) return { additions: [], modifications: [`En senare revision går inte att läsa: ${error.message}.`] };
    throw error;
  }
}

function documentIdOf(revisions: PdfRevisions | null): string | null {
  if (!revisions) return null;
  try {
    return printedDocumentId(pageText(revisions));
  } catch (error) {
    if (error instanceof PdfSyntaxError) return null;
    throw error;
  }
}

function verdictOf(checks: SignatureCheck[], modified: boolean, unreadable: boolean, trusted: boolean): Verdict {
  if (checks.length === 0) return 'unsigned';
  if (modified || checks.some((check) => check.digestMismatch || check.paddingPayload > 0)) return 'modified';
  if (unreadable || checks.some((check) => !check.cryptographicallyValid)) {
    // A signature that names what it vouched for, but no longer verifies, was changed; one that cannot be read is invalid.
    return !unreadable && checks.some((check) => check.certificate && check.messageDigest) ? 'modified' : 'invalid';
  }
  return trusted ? 'valid' : 'untrusted';
}

interface TrustContext {
  sealFingerprint: string;
  anchors: TrustAnchors;
  at: Date;
}

/** One signature as the answer reports it: the revision it seals and who it is by, with its own problems. */
async function judged(check: SignatureCheck, number: number, revisions: PdfRevisions | null, context: TrustContext) {
  const revision = revisions?.revisionEndingAt(check.signedEnd)?.number ?? null;
  // A signature over an earlier revision does not cover the whole file by design; what followed is judged by the update analysis.
  const problems = check.problems.filter((text) => !text.startsWith('Signaturen täcker inte hela filen'));
  if (revisions && revision === null) problems.push('Signaturens byte-intervall slutar inte där en revision av filen slutar.');
  const trust: Trust = check.cryptographicallyValid
    ? await judgeSigner(check.certificates.signer, check.certificates.others, context)
    : { kind: 'unknown', anchor: null, reason: 'Signaturen är inte giltig.' };
  if (trust.kind === 'unknown' && check.cryptographicallyValid) problems.push(`Giltig signatur, okänd utfärdare: ${trust.reason}`);
  return {
    number,
    kind: check.kind,
    revision,
    coversRevision: revision !== null,
    coversWholeFile: check.coversWholeFile,
    cryptographicallyValid: check.cryptographicallyValid,
    hiddenBytesInContents: check.paddingPayload,
    subFilter: check.subFilter,
    signingTime: check.signingTime,
    certificate: check.certificate,
    trust: { kind: trust.kind, anchor: trust.anchor },
    thisInstallationsSeal: trust.kind === 'this-installation',
    timestamp: check.timestamp,
    problems: [...new Set(problems)],
  };
}

type JudgedSignature = Awaited<ReturnType<typeof judged>>;

/** What the revisions after the earliest sealed one change, and bytes that belong to no revision. */
function laterChanges(revisions: PdfRevisions | null, signatures: JudgedSignature[]): UpdateAnalysis {
  const sealed = signatures.map((signature) => signature.revision).filter((revision): revision is number => revision !== null);
  if (!revisions || sealed.length === 0) return { additions: [], modifications: [] };
  const updates = updatesAfter(revisions, Math.min(...sealed));
  if (revisions.trailingGarbage > 0) updates.modifications.push(`Efter filens sista revision ligger ${revisions.trailingGarbage} byte som inte hör till någon revision.`);
  return updates;
}

/** The first seal's own signature timestamp, else the first valid document timestamp after it: when the file provably existed. */
function proofOfTime(signatures: JudgedSignature[]): JudgedSignature['timestamp'] {
  const seal = signatures.find((signature) => signature.kind === 'signature');
  if (seal?.timestamp?.valid) return seal.timestamp;
  return signatures.find((signature) => signature.kind === 'timestamp' && signature.number > (seal?.number ?? 0) && signature.timestamp?.valid)?.timestamp ?? null;
}

const noAttributes = { contentType: false, messageDigest: false, signingCertificateV2: false, signingTime: false };

/**
 * Our own verdict on an uploaded PDF, as EU DSS would judge it: every signature checked byte by
 * byte and its byte range tied to a revision of the file; every revision after the first sealed
 * one allowed to add only signatures, timestamps and validation data; each signer this
 * installation's seal or chained to a configured trust anchor. A valid signature by anyone else
 * is "untrusted" (giltig signatur, okänd utfärdare), never valid. The file is matched to a stored
 * document by its printed id and its hash.
 */
export async function verifyUpload(deps: AppDeps, pdf: Buffer, now = new Date()) {
  const checks = await checkPdfSignatures(pdf);
  const seal = await deps.protocols.seal();
  const context = { sealFingerprint: seal.fingerprint, anchors: trustAnchors(deps.config.trustAnchorFiles), at: now };
  const { revisions, problem: structureProblem } = structureOf(pdf);
  const signatures: JudgedSignature[] = [];
  for (const [index, check] of checks.entries()) signatures.push(await judged(check, index + 1, revisions, context));

  const updates = laterChanges(revisions, signatures);
  const uncovered = revisions !== null && signatures.some((signature) => !signature.coversRevision);
  const trusted = signatures.every((signature) => signature.trust.kind !== 'unknown');
  const verdict = verdictOf(checks, updates.modifications.length > 0 || uncovered, structureProblem !== null, trusted);
  const documentId = documentIdOf(revisions);
  const match = await matchDocument(deps, pdf, documentId, revisions?.revisions.flatMap((revision) => [revision.end, revision.endWithEol]) ?? []);

  const newest = [...checks].sort((a, b) => b.signedEnd - a.signedEnd)[0];
  const newestSignature = newest ? signatures[checks.indexOf(newest)] : undefined;
  const weakest = signatures.find((signature) => signature.trust.kind === 'unknown') ?? newestSignature;
  const signatureProblems = signatures.flatMap((signature) => signature.problems.map((text) => (signatures.length > 1 ? `Signatur ${signature.number}: ${text}` : text)));
  const problems = [...(structureProblem && checks.length > 0 ? [structureProblem] : []), ...updates.modifications, ...signatureProblems, ...match.problems];
  if (checks.length === 0) problems.push('Filen har ingen signatur.');
  return {
    verdict,
    signed: checks.length > 0,
    cryptographicallyValid: checks.length > 0 && checks.every((check) => check.cryptographicallyValid),
    coversWholeFile: newest?.coversWholeFile ?? false,
    pades: { subFilter: newest?.subFilter ?? null, ...(newest?.signedAttributes ?? noAttributes) },
    signingTime: newest?.signingTime ?? null,
    timestamp: proofOfTime(signatures),
    certificate: newest?.certificate ?? null,
    thisInstallationsSeal: signatures.length > 0 && signatures.every((signature) => signature.thisInstallationsSeal),
    developmentSeal: seal.development && signatures.some((signature) => signature.thisInstallationsSeal),
    trust: weakest?.trust ?? { kind: 'unknown' as const, anchor: null },
    signatures,
    revisions: revisions?.revisions.length ?? 0,
    updates: updates.additions,
    documentId,
    protocol: match.document,
    problems: [...new Set(problems)],
  };
}
