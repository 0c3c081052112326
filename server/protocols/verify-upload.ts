import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-context';
import { checkPdfSignature } from '../sealing/verify-pdf';
import { matchProtocol } from './protocol-store';

/**
 * Our own verdict on an uploaded PDF: the signature checked byte by byte, the certificate compared
 * with this installation's seal, and the file matched to a stored protocol (by its whole hash, or,
 * for a modified copy, by the digest its signature covers).
 */
export async function verifyUpload(deps: AppDeps, pdf: Buffer) {
  const check = await checkPdfSignature(pdf);
  const seal = await deps.protocols.seal();
  const match = await matchProtocol(deps.database.db, createHash('sha256').update(pdf).digest('hex'), check.messageDigest);
  let protocol = null;
  if (match) {
    const row = await deps.database.db
      .selectFrom('assessments')
      .innerJoin('assets', 'assets.id', 'assessments.asset_id')
      .select(['assets.name', 'assessments.kind', 'assessments.round'])
      .where('assessments.id', '=', match.protocol.assessmentId)
      .executeTakeFirstOrThrow();
    protocol = { id: match.protocol.id, identical: match.identical, assetId: match.protocol.assetId, assetName: row.name, assessmentId: match.protocol.assessmentId, kind: row.kind, round: row.round, version: match.protocol.version, sealedAt: match.protocol.sealedAt, sha256: match.protocol.sha256 };
  }
  const verdict = !check.signed ? 'unsigned' : check.cryptographicallyValid && check.coversWholeFile ? 'valid' : check.certificate && check.messageDigest ? 'modified' : 'invalid';
  const thisInstallationsSeal = check.certificate?.fingerprint === seal.fingerprint;
  return {
    verdict,
    signed: check.signed,
    cryptographicallyValid: check.cryptographicallyValid,
    coversWholeFile: check.coversWholeFile,
    pades: { subFilter: check.subFilter, ...check.signedAttributes },
    signingTime: check.signingTime,
    certificate: check.certificate,
    thisInstallationsSeal,
    developmentSeal: thisInstallationsSeal && seal.development,
    protocol,
    problems: check.problems,
  } as const;
}
