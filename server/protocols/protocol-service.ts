import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-context';
import { appendAuditEvent, chainHead } from '../audit/audit-log';
import { writeCheckpoint } from '../audit/checkpoints';
import { canonicalJson } from '../audit/canonical-json';
import { type Assessment, findAssessment } from '../assessments/assessment-store';
import type { Config } from '../config';
import { newId } from '../ids';
import type { Logger } from '../log';
import { RenderPool } from '../pdf/render-pool';
import { loadSeal } from '../sealing/load-seal';
import type { SealMaterial } from '../sealing/seal-material';
import { gatherProtocolData } from './gather-protocol-data';
import { insertProtocol, insertProtocolTimestamp, type ProtocolInfo, protocolsOfAssessment } from './protocol-store';
import { withTransaction } from '../db/transaction';
import { Turns } from './turns';

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function fileName(kind: Assessment['kind'], assetName: string, version: string): string {
  const slug = assetName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'protokoll';
  return `${{ dpia: 'konsekvensbedomning', 'dpia-screening': 'forhandsbedomning', classification: 'klassning' }[kind]}-${slug}-v${version}.pdf`;
}

/**
 * Renders, seals and stores protocols. The seal is loaded on first use (a development certificate
 * costs a key generation), rendering runs in the worker pool, and one assessment is never rendered
 * twice at once.
 */
export class ProtocolService {
  private sealPromise: Promise<SealMaterial> | undefined;
  private pool: RenderPool | undefined;
  private readonly inFlight = new Map<string, Promise<ProtocolInfo>>();
  /** As many protocols in production as there are render processes: each gathers just before one is free. */
  private readonly turns: Turns;

  constructor(private readonly config: Config, private readonly logger: Logger) {
    this.turns = new Turns(config.pdfWorkers);
  }

  seal(): Promise<SealMaterial> {
    this.sealPromise ??= loadSeal(this.config, this.logger).catch((error: unknown) => {
      this.sealPromise = undefined;
      throw error;
    });
    return this.sealPromise;
  }

  renderPool(): RenderPool {
    this.pool ??= new RenderPool(this.config.pdfWorkers);
    return this.pool;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }

  /**
   * The newest protocol of a fastställd assessment, sealing the first one if it is missing. Only the
   * decision and its retry call this: a read never writes (a download of a missing protocol is refused).
   */
  async ensure(deps: AppDeps, assessmentId: string, actorUserId: string | null): Promise<ProtocolInfo> {
    const existing = await protocolsOfAssessment(deps.database.db, assessmentId);
    if (existing.length > 0) return existing.at(-1)!;
    let running = this.inFlight.get(assessmentId);
    if (!running) {
      running = this.turns.run(() => this.produce(deps, assessmentId, actorUserId)).finally(() => this.inFlight.delete(assessmentId));
      this.inFlight.set(assessmentId, running);
    }
    return running;
  }

  private async produce(deps: AppDeps, assessmentId: string, actorUserId: string | null): Promise<ProtocolInfo> {
    const { db } = deps.database;
    const assessment = await findAssessment(db, assessmentId);
    if (!assessment) throw new Error(`No assessment ${assessmentId}`);
    const seal = await this.seal();
    const version = (await protocolsOfAssessment(db, assessmentId)).length + 1;
    const id = newId();
    // The chain's head as sealing begins: printed in the protocol, so the signed bytes vouch for the chain up to it.
    const auditHead = await chainHead(db);
    const data = await gatherProtocolData(deps, assessment, { id, version }, seal, auditHead);
    const contentSha256 = sha256(canonicalJson(data));
    const sealedAt = new Date();
    // Rendered, sealed and checked in a worker thread: none of it costs the main thread CPU.
    const { pdf, check } = await this.renderPool().runSealed({ data, contentSha256, seal: { material: seal, signingTime: sealedAt.toISOString(), location: data.organisation.topName, tsa: deps.config.tsa } });
    if (!check.cryptographicallyValid || !check.messageDigest) throw new Error(`The sealed protocol does not verify: ${check.problems.join(' ')}`);
    const stamp = check.timestamp?.valid ? check.timestamp : null;
    // Never blocks the decision: the retry (timestamp-retry.ts) adds a document timestamp when the authority answers again.
    if (deps.config.tsa && !stamp) this.logger.warn('the protocol was sealed without a timestamp: the time-stamping authority did not answer; it is asked again later', { protocolId: id });
    return withTransaction(db, async (trx) => {
      const stored = await insertProtocol(trx, {
        id,
        assessment_id: assessment.id,
        asset_id: assessment.assetId,
        version,
        file_name: fileName(assessment.kind, data.asset.name, data.version),
        pdf,
        size: pdf.length,
        sha256: sha256(pdf),
        signed_digest: check.messageDigest!,
        content_sha256: contentSha256,
        seal_fingerprint: seal.fingerprint,
        development_seal: seal.development ? 1 : 0,
        sealed_at: sealedAt.toISOString(),
        audit_head_seq: auditHead?.seq ?? null,
        audit_head_hash: auditHead?.hash ?? null,
      });
      if (stamp) {
        const timestamp = { kind: 'signature' as const, time: stamp.time, authority: stamp.authority, sha256: stored.sha256 };
        await insertProtocolTimestamp(trx, { protocol_id: id, ...timestamp, update_pdf: null, created_at: sealedAt.toISOString() });
        stored.timestamp = timestamp;
      }
      await appendAuditEvent(trx, {
        actorUserId,
        organisationId: assessment.organisationId,
        assetId: assessment.assetId,
        action: 'protocol.sealed',
        entityType: 'protocol',
        entityId: id,
        payload: {
          assessmentId: assessment.id,
          version: data.version,
          sha256: stored.sha256,
          contentSha256,
          sealFingerprint: seal.fingerprint,
          developmentSeal: seal.development,
          auditHead,
          timestamp: stamp ? { time: stamp.time, authority: stamp.authority } : null,
        },
      });
      await writeCheckpoint(trx, seal, 'protocol');
      return stored;
    });
  }
}
