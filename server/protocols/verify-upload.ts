import type { AppDeps } from '../app-context';
import { PdfRevisions } from '../sealing/pdf-revisions';
import { PdfSyntaxError } from '../sealing/pdf-syntax';
import { pageText } from '../sealing/pdf-text';
import { analyseUpdates, type UpdateAnalysis } from '../sealing/pdf-updates';
import { judgeSigner, type Trust, trustAnchors } from '../sealing/signature-trust';
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
  if (unreadable || checks.some((check) => !check.cryptographicallyValid)) return checks.some((check) => check.certificate && check.messageDigest) && !unreadable ? 'modified' : 'invalid';
  return trusted ? 'valid' : 'untrusted';
}

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
  const anchors = trustAnchors(deps.config.trustAnchorFiles);
  const { revisions, problem: structureProblem } = structureOf(pdf);
  const problems: string[] = structureProblem && checks.length > 0 ? [structureProblem] : [];

  const signatures = [];
  for (const [index, check] of checks.entries()) {
    const revision = revisions?.revisionEndingAt(check.signedEnd)?.number ?? null;
    const ownProblems = check.problems.filter((text) => !text.startsWith('Signaturen täcker inte hela filen'));
    if (revisions && revision === null) ownProblems.push('Signaturens byte-intervall slutar inte där en revision av filen slutar.');
    const trust: Trust = check.cryptographicallyValid
      ? await judgeSigner(check.certificates.signer, check.certificates.others, { sealFingerprint: seal.fingerprint, anchors, at: now })
      : { kind: 'unknown', anchor: null, reason: 'Signaturen är inte giltig.' };
    if (trust.kind === 'unknown' && check.cryptographicallyValid) ownProblems.push(`Giltig signatur, okänd utfärdare: ${trust.reason}`);
    signatures.push({
      number: index + 1,
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
      problems: [...new Set(ownProblems)],
    });
  }

  const sealedRevisions = signatures.map((signature) => signature.revision).filter((revision): revision is number => revision !== null);
  const updates = revisions && sealedRevisions.length > 0 ? updatesAfter(revisions, Math.min(...sealedRevisions)) : { additions: [], modifications: [] };
  if (revisions && revisions.trailingGarbage > 0 && checks.length > 0) updates.modifications.push(`Efter filens sista revision ligger ${revisions.trailingGarbage} byte som inte hör till någon revision.`);
  const uncovered = signatures.some((signature) => revisions && !signature.coversRevision);
  const trusted = signatures.every((signature) => signature.trust.kind !== 'unknown');
  const verdict = verdictOf(checks, updates.modifications.length > 0 || uncovered, structureProblem !== null, trusted);

  const documentId = documentIdOf(revisions);
  const match = await matchDocument(deps, pdf, documentId, revisions?.revisions.flatMap((revision) => [revision.end, revision.endWithEol]) ?? []);
  const newest = [...checks].sort((a, b) => b.signedEnd - a.signedEnd)[0];
  const newestSignature = newest ? signatures[checks.indexOf(newest)] : undefined;
  problems.push(...updates.modifications, ...signatures.flatMap((signature) => signature.problems.map((text) => (signatures.length > 1 ? `Signatur ${signature.number}: ${text}` : text))), ...match.problems);
  if (checks.length === 0) problems.push('Filen har ingen signatur.');
  return {
    verdict,
    signed: checks.length > 0,
    cryptographicallyValid: checks.length > 0 && checks.every((check) => check.cryptographicallyValid),
    coversWholeFile: newest?.coversWholeFile ?? false,
    pades: { subFilter: newest?.subFilter ?? null, ...(newest?.signedAttributes ?? { contentType: false, messageDigest: false, signingCertificateV2: false, signingTime: false }) },
    signingTime: newest?.signingTime ?? null,
    certificate: newest?.certificate ?? null,
    thisInstallationsSeal: signatures.length > 0 && signatures.every((signature) => signature.thisInstallationsSeal),
    developmentSeal: seal.development && signatures.some((signature) => signature.thisInstallationsSeal),
    trust: newestSignature ? (signatures.find((signature) => signature.trust.kind === 'unknown') ?? newestSignature).trust : { kind: 'unknown' as const, anchor: null },
    signatures,
    revisions: revisions?.revisions.length ?? 0,
    updates: updates.additions,
    documentId,
    protocol: match.document,
    problems: [...new Set(problems)],
  };
}
