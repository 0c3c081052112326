import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { findAssessment } from '../assessments/assessment-store';
import { withTransaction } from '../db/transaction';
import { addDocumentTimestamp } from '../sealing/seal-pdf';
import type { TsaSettings } from '../sealing/tsa-client';
import { checkPdfSignatures } from '../sealing/verify-pdf';
import { findProtocol, insertProtocolTimestamp, type ProtocolInfo, protocolsWithoutTimestamp, sealedProtocolFile } from './protocol-store';

/** Protocols being stamped in this process: the interval and a person's retry never stamp one twice. */
const stamping = new Set<string>();

/** How many a round offers the authority: a long outage is caught up over several rounds, not in one burst. */
const perRound = 50;

async function stampOne(deps: AppDeps, tsa: TsaSettings, info: ProtocolInfo): Promise<ProtocolInfo> {
  const { db } = deps.database;
  const sealed = await sealedProtocolFile(db, info.id);
  if (!sealed) throw new Error(`No protocol ${info.id}`);
  const stamped = await addDocumentTimestamp(Buffer.from(sealed), tsa, deps.config.organisationName);
  const newest = (await checkPdfSignatures(stamped)).sort((a, b) => b.signedEnd - a.signedEnd)[0];
  if (newest?.kind !== 'timestamp' || !newest.cryptographicallyValid || !newest.coversWholeFile || !newest.timestamp?.valid) {
    throw new Error(`the document timestamp does not verify: ${newest?.problems.join(' ') ?? 'no timestamp found'}`);
  }
  const assessment = await findAssessment(db, info.assessmentId);
  const timestamp = { kind: 'document' as const, time: newest.timestamp.time, authority: newest.timestamp.authority, sha256: createHash('sha256').update(stamped).digest('hex') };
  await withTransaction(db, async (trx) => {
    await insertProtocolTimestamp(trx, { protocol_id: info.id, ...timestamp, update_pdf: new Uint8Array(stamped.subarray(sealed.byteLength)), created_at: new Date().toISOString() });
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

/**
 * A protocol sealed while the authority was down gets a PAdES document timestamp: an incremental
 * update after the seal, kept beside the immutable sealed file and served after it. Answers the
 * protocol as it stands (unchanged when no authority is configured or it still does not answer).
 */
export async function addMissingTimestamp(deps: AppDeps, info: ProtocolInfo): Promise<ProtocolInfo> {
  const { tsa } = deps.config;
  if (!tsa || info.timestamp || stamping.has(info.id)) return info;
  stamping.add(info.id);
  try {
    return await stampOne(deps, tsa, info);
  } catch (error) {
    deps.logger.warn('the protocol still has no timestamp', { protocolId: info.id, error: error instanceof Error ? error.message : String(error) });
    return (await findProtocol(deps.database.db, info.id)) ?? info;
  } finally {
    stamping.delete(info.id);
  }
}

/** One round over the protocols without a timestamp; stops at the first failure, since the authority is then most likely still down. */
export async function retryMissingTimestamps(deps: AppDeps): Promise<{ stamped: number; waiting: number }> {
  if (!deps.config.tsa) return { stamped: 0, waiting: 0 };
  const waiting = await protocolsWithoutTimestamp(deps.database.db, perRound);
  let stamped = 0;
  for (const info of waiting) {
    if ((await addMissingTimestamp(deps, info)).timestamp === null) break;
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
