import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { findAssessment } from '../assessments/assessment-store';
import { withTransaction } from '../db/transaction';
import { confirmationsWithoutTimestamp, findConfirmation, insertConfirmationTimestamp, type ReviewConfirmationInfo, sealedConfirmationFile } from '../reviews/confirmation-store';
import { addDocumentTimestamp } from '../sealing/seal-pdf';
import type { TsaSettings } from '../sealing/tsa-client';
import { checkPdfSignatures } from '../sealing/verify-pdf';
import { findProtocol, insertProtocolTimestamp, type ProtocolInfo, type ProtocolTimestamp, protocolsWithoutTimestamp, sealedProtocolFile } from './protocol-store';

/** Documents being stamped in this process: the interval and a person's retry never stamp one twice. */
const stamping = new Set<string>();

/** How many a round offers the authority: a long outage is caught up over several rounds, not in one burst. */
const perRound = 50;

/** A sealed document's bytes with a document timestamp appended, checked before it is kept, and what the authority vouched for. */
async function stampedFile(deps: AppDeps, tsa: TsaSettings, sealed: Uint8Array): Promise<{ update: Uint8Array; timestamp: ProtocolTimestamp }> {
  const stamped = await addDocumentTimestamp(Buffer.from(sealed), tsa, deps.config.organisationName);
  const newest = (await checkPdfSignatures(stamped)).sort((a, b) => b.signedEnd - a.signedEnd)[0];
  if (newest?.kind !== 'timestamp' || !newest.cryptographicallyValid || !newest.coversWholeFile || !newest.timestamp?.valid) {
    throw new Error(`the document timestamp does not verify: ${newest?.problems.join(' ') ?? 'no timestamp found'}`);
  }
  const timestamp = { kind: 'document' as const, time: newest.timestamp.time, authority: newest.timestamp.authority, sha256: createHash('sha256').update(stamped).digest('hex') };
  return { update: new Uint8Array(stamped.subarray(sealed.byteLength)), timestamp };
}

async function stampProtocol(deps: AppDeps, tsa: TsaSettings, info: ProtocolInfo): Promise<ProtocolInfo> {
  const { db } = deps.database;
  const sealed = await sealedProtocolFile(db, info.id);
  if (!sealed) throw new Error(`No protocol ${info.id}`);
  const { update, timestamp } = await stampedFile(deps, tsa, sealed);
  const assessment = await findAssessment(db, info.assessmentId);
  await withTransaction(db, async (trx) => {
    await insertProtocolTimestamp(trx, { protocol_id: info.id, ...timestamp, update_pdf: update, created_at: new Date().toISOString() });
    await appendAuditEvent(trx, {
      actorUserId: null,
      organisationId: assessment?.organisationId ?? null,
      assetId: info.assetId,
      action: 'protocol.timestamped',
      entityType: 'protocol',
      entityId: info.id,
      payload: { assessmentId: info.assessmentId, sealedSha256: info.sha256, sha256: timestamp.sha256, time: timestamp.time, authority: timestamp.authority },
    });
  });
  return { ...info, timestamp };
}

async function stampConfirmation(deps: AppDeps, tsa: TsaSettings, info: ReviewConfirmationInfo): Promise<ReviewConfirmationInfo> {
  const { db } = deps.database;
  const sealed = await sealedConfirmationFile(db, info.id);
  if (!sealed) throw new Error(`No review confirmation ${info.id}`);
  const { update, timestamp } = await stampedFile(deps, tsa, sealed);
  const assessment = await findAssessment(db, info.assessmentId);
  await withTransaction(db, async (trx) => {
    await insertConfirmationTimestamp(trx, { confirmation_id: info.id, ...timestamp, update_pdf: update, created_at: new Date().toISOString() });
    await appendAuditEvent(trx, {
      actorUserId: null,
      organisationId: assessment?.organisationId ?? null,
      assetId: info.assetId,
      action: 'review_confirmation.timestamped',
      entityType: 'review_confirmation',
      entityId: info.id,
      payload: { assessmentId: info.assessmentId, sealedSha256: info.sha256, sha256: timestamp.sha256, time: timestamp.time, authority: timestamp.authority },
    });
  });
  return { ...info, timestamp };
}

/** Stamps one document unless it has a timestamp or is being stamped; a failure is logged and answers the document as stored. */
async function stampOnce<T extends { id: string; timestamp: ProtocolTimestamp | null }>(
  deps: AppDeps,
  info: T,
  stamp: (tsa: TsaSettings) => Promise<T>,
  reread: () => Promise<T | undefined>,
): Promise<T> {
  const { tsa } = deps.config;
  if (!tsa || info.timestamp || stamping.has(info.id)) return info;
  stamping.add(info.id);
  try {
    return await stamp(tsa);
  } catch (error) {
    deps.logger.warn('the document still has no timestamp', { documentId: info.id, error: error instanceof Error ? error.message : String(error) });
    return (await reread()) ?? info;
  } finally {
    stamping.delete(info.id);
  }
}

/**
 * A protocol sealed while the authority was down gets a PAdES document timestamp: an incremental
 * update after the seal, kept beside the immutable sealed file and served after it. Answers the
 * protocol as it stands (unchanged when no authority is configured or it still does not answer).
 */
export function addMissingTimestamp(deps: AppDeps, info: ProtocolInfo): Promise<ProtocolInfo> {
  return stampOnce(deps, info, (tsa) => stampProtocol(deps, tsa, info), () => findProtocol(deps.database.db, info.id));
}

/** The same for a review confirmation sealed while the authority was down. */
export function addMissingConfirmationTimestamp(deps: AppDeps, info: ReviewConfirmationInfo): Promise<ReviewConfirmationInfo> {
  return stampOnce(deps, info, (tsa) => stampConfirmation(deps, tsa, info), () => findConfirmation(deps.database.db, info.id));
}

/**
 * One round over the protocols, then the review confirmations, without a timestamp; stops at the
 * first failure, since the authority is then most likely still down. Answers how many were stamped and how many still wait.
 */
export async function retryMissingTimestamps(deps: AppDeps): Promise<{ stamped: number; waiting: number }> {
  if (!deps.config.tsa) return { stamped: 0, waiting: 0 };
  const { db } = deps.database;
  const protocols = await protocolsWithoutTimestamp(db, perRound);
  const confirmations = await confirmationsWithoutTimestamp(db, perRound);
  const waiting: (() => Promise<{ timestamp: ProtocolTimestamp | null }>)[] = [
    ...protocols.map((info) => () => addMissingTimestamp(deps, info)),
    ...confirmations.map((info) => () => addMissingConfirmationTimestamp(deps, info)),
  ];
  let stamped = 0;
  for (const stamp of waiting) {
    if ((await stamp()).timestamp === null) break;
    stamped += 1;
  }
  return { stamped, waiting: waiting.length - stamped };
}

/** On start and then every SIGILL_TSA_RETRY_MINUTES, when an authority is configured. Answers a stop function. */
export function startTimestampRetry(deps: AppDeps): () => void {
  if (!deps.config.tsa) return () => undefined;
  const run = () => {
    retryMissingTimestamps(deps).catch((error: unknown) => {
      deps.logger.error('the timestamp retry failed', { error: error instanceof Error ? error.message : String(error) });
    });
  };
  run();
  const timer = setInterval(run, deps.config.tsaRetryMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
