import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-context';
import type { Actor } from '../assessments/change-status';
import { type Assessment, latestRound } from '../assessments/assessment-store';
import { refreshClassificationStatus } from '../assets/refresh-classification-status';
import { appendAuditEvent, chainHead } from '../audit/audit-log';
import { writeCheckpoint } from '../audit/checkpoints';
import { canonicalJson } from '../audit/canonical-json';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { protocolsOfAssessment } from '../protocols/protocol-store';
import type { ReviewConfirmationData } from './confirmation-data';
import { insertConfirmation, insertConfirmationTimestamp, type ReviewConfirmationInfo } from './confirmation-store';
import { dpiaMonths, refreshReviewDates } from './refresh-review-dates';
import { addMonths, reviewIntervalFor } from './review-interval';
import { withTransaction } from '../db/transaction';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function fileName(assetName: string, confirmedAt: string): string {
  const slug = assetName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'objekt';
  return `omprovning-${slug}-${confirmedAt.slice(0, 10)}.pdf`;
}

/**
 * A review that found nothing changed (klassning.md, "Review"): the beslutsfattare confirms the
 * fastställd round in force with a statement; the review date moves on from today, a sealed
 * confirmation is stored immutable and the step is audited. Changes call for a new round instead.
 */
export async function confirmReview(deps: AppDeps, assessment: Assessment, statement: string, actor: Actor): Promise<ReviewConfirmationInfo> {
  const { db } = deps.database;
  if (assessment.kind === 'dpia-screening') throw new AppError('conflict', 'A DPIA screening is not reviewed; review the classification or the DPIA');
  if (assessment.status !== 'faststalld' || !assessment.decidedAt) throw new AppError('conflict', 'Only a fastställd classification or DPIA can be confirmed unchanged', { status: assessment.status });
  const kind = assessment.kind;
  const row = await db.selectFrom('assessments').select(['next_review_at', 'reviewed_at', 'result']).where('id', '=', assessment.id).executeTakeFirstOrThrow();
  if (!row.next_review_at) throw new AppError('conflict', 'This round is no longer in force; review the newest fastställd round');
  const newest = await latestRound(db, assessment.assetId, kind);
  if (newest && newest.id !== assessment.id) throw new AppError('conflict', 'A new version is already in progress; finish it instead of confirming the old one unchanged', { openAssessmentId: newest.id });

  const asset = await db.selectFrom('assets').select(['id', 'name', 'type', 'organisation_id']).where('id', '=', assessment.assetId).executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select(['name']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const interval = (await reviewIntervalFor(db, asset.organisation_id)).months;
  const months = kind === 'classification' ? interval : (dpiaMonths(row.result) ?? interval);
  const confirmedAt = nowIso();
  const chain = (await deps.organisations.current()).selfAndAncestors(asset.organisation_id);
  const names = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', chain).execute();
  const nameOf = (id: string | undefined) => names.find((entry) => entry.id === id)?.name ?? '';
  const protocol = (await protocolsOfAssessment(db, assessment.id)).at(-1);
  const seal = await deps.protocols.seal();
  const auditHead = await chainHead(db);
  const id = newId();
  const data: ReviewConfirmationData = {
    documentId: id,
    organisation: { name: nameOf(chain[0]), topName: nameOf(chain.at(-1)) },
    asset: { id: asset.id, name: asset.name, type: asset.type },
    assessment: { id: assessment.id, kind, round: assessment.round, summary: assessment.summary, decidedAt: assessment.decidedAt, previousReviewAt: row.reviewed_at },
    protocol: protocol ? { version: protocol.version, sha256: protocol.sha256 } : null,
    confirmedBy: { name: user.name, role: actor.role },
    statement,
    confirmedAt,
    wasDueAt: row.next_review_at,
    nextReviewAt: addMonths(confirmedAt, months),
    intervalMonths: months,
    verifyUrl: `${deps.config.publicUrl}/verifiera`,
    seal: { development: seal.development, subject: seal.subject },
    auditHead,
  };
  const contentSha256 = sha256(canonicalJson(data));
  const { pdf, check } = await deps.protocols.renderPool().runSealed({ confirmation: data, contentSha256, seal: { material: seal, signingTime: confirmedAt, location: data.organisation.topName, tsa: deps.config.tsa } });
  if (!check.cryptographicallyValid) throw new Error(`The sealed review confirmation does not verify: ${check.problems.join(' ')}`);
  const stamp = check.timestamp?.valid ? check.timestamp : null;
  // Never blocks the confirmation: the retry (server/protocols/timestamp-retry.ts) adds a document timestamp when the authority answers again.
  if (deps.config.tsa && !stamp) deps.logger.warn('the review confirmation was sealed without a timestamp: the time-stamping authority did not answer; it is asked again later', { confirmationId: id });

  return withTransaction(db, async (trx) => {
    // Only if nothing moved meanwhile: two racing confirmations give one.
    const updated = await trx.updateTable('assessments').set({ reviewed_at: confirmedAt }).where('id', '=', assessment.id).where('status', '=', 'faststalld').where('next_review_at', '=', row.next_review_at).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'The review changed meanwhile; reload it');
    if (kind === 'classification') await refreshClassificationStatus(trx, assessment.assetId);
    else await refreshReviewDates(trx, assessment.assetId);
    const stored = await insertConfirmation(trx, {
      id,
      assessment_id: assessment.id,
      asset_id: assessment.assetId,
      user_id: actor.userId,
      user_name: user.name,
      role: actor.role,
      statement,
      confirmed_at: confirmedAt,
      next_review_at: data.nextReviewAt,
      file_name: fileName(asset.name, confirmedAt),
      pdf,
      sha256: sha256(pdf),
      content_sha256: contentSha256,
      development_seal: seal.development ? 1 : 0,
      audit_head_seq: auditHead?.seq ?? null,
      audit_head_hash: auditHead?.hash ?? null,
    });
    if (stamp) {
      const timestamp = { kind: 'signature' as const, time: stamp.time, authority: stamp.authority, sha256: stored.sha256 };
      await insertConfirmationTimestamp(trx, { confirmation_id: id, ...timestamp, update_pdf: null, created_at: confirmedAt });
      stored.timestamp = timestamp;
    }
    await appendAuditEvent(trx, {
      actorUserId: actor.userId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: 'assessment.review_confirmed',
      entityType: 'assessment',
      entityId: assessment.id,
      payload: {
        confirmationId: id,
        role: actor.role,
        statement,
        wasDueAt: row.next_review_at,
        nextReviewAt: data.nextReviewAt,
        sha256: stored.sha256,
        contentSha256,
        auditHead,
        timestamp: stamp ? { time: stamp.time, authority: stamp.authority } : null,
      },
    });
    await writeCheckpoint(trx, seal, 'review_confirmation');
    return stored;
  });
}
