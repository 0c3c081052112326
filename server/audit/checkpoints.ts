import { createHash, createPrivateKey, type KeyObject, sign, verify, X509Certificate } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AppDeps } from '../app-context';
import type { AuditCheckpointsTable, Database } from '../db/schema';
import { withTransaction, type WriteTransaction } from '../db/transaction';
import { newId, nowIso } from '../ids';
import type { SealMaterial } from '../sealing/seal-material';
import { type ChainHead, chainHead } from './audit-log';
import { canonicalJson } from './canonical-json';

export type Checkpoint = Selectable<AuditCheckpointsTable>;

const dayMs = 24 * 3600_000;

/** What a checkpoint signs: the head and when, as canonical JSON, so any verifier can rebuild the bytes. */
export function checkpointBytes(head: ChainHead, at: string): Buffer {
  return Buffer.from(canonicalJson({ seq: head.seq, hash: head.hash, at }), 'utf8');
}

/** Ed25519 signs the message itself; RSA and ECDSA sign its SHA-256. */
function digestFor(keyType: string | undefined): string | null {
  return keyType === 'ed25519' || keyType === 'ed448' ? null : 'sha256';
}

const signingKeys = new WeakMap<SealMaterial, KeyObject>();

/** The seal's private key, parsed once per loaded seal: each protocol writes a checkpoint, and parsing the key took about a third of the signing time in a profile of sixty decisions. */
function signingKey(seal: SealMaterial): KeyObject {
  let key = signingKeys.get(seal);
  if (!key) {
    key = createPrivateKey({ key: Buffer.from(seal.privateKeyPkcs8), format: 'der', type: 'pkcs8' });
    signingKeys.set(seal, key);
  }
  return key;
}

/** Signs the current head with the seal key, in the caller's transaction; nothing to sign in an empty chain. */
export async function writeCheckpoint(trx: WriteTransaction, seal: SealMaterial, reason: Checkpoint['reason']): Promise<Checkpoint | null> {
  const head = await chainHead(trx);
  if (!head) return null;
  const at = nowIso();
  const key = signingKey(seal);
  const row: Checkpoint = {
    id: newId(),
    seq: head.seq,
    hash: head.hash,
    at,
    reason,
    signature: sign(digestFor(key.asymmetricKeyType), checkpointBytes(head, at), key).toString('base64'),
    certificate: Buffer.from(seal.chain[0]!).toString('base64'),
  };
  await trx.insertInto('audit_checkpoints').values(row).execute();
  return row;
}

/** The checkpoint's signature holds for its own certificate; answers that certificate's SHA-256 fingerprint, or null. */
export function checkpointSigner(checkpoint: Checkpoint): string | null {
  try {
    const der = Buffer.from(checkpoint.certificate, 'base64');
    const key = new X509Certificate(der).publicKey;
    const ok = verify(digestFor(key.asymmetricKeyType), checkpointBytes(checkpoint, checkpoint.at), key, Buffer.from(checkpoint.signature, 'base64'));
    return ok ? createHash('sha256').update(der).digest('hex') : null;
  } catch {
    return null;
  }
}

export async function latestCheckpoint(db: Kysely<Database>): Promise<Checkpoint | undefined> {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('at', 'desc').limit(1).executeTakeFirst();
}

/** At least one checkpoint a day: written when the newest is older than a day (or there is none) and the chain has moved since. */
export async function writeDailyCheckpointIfDue(deps: AppDeps, now: Date = new Date()): Promise<Checkpoint | null> {
  const { db } = deps.database;
  const last = await latestCheckpoint(db);
  if (last && now.getTime() - Date.parse(last.at) < dayMs) return null;
  const seal = await deps.protocols.seal();
  return withTransaction(db, async (trx) => {
    const head = await chainHead(trx);
    if (last && head && head.seq === last.seq && head.hash === last.hash) return null;
    return writeCheckpoint(trx, seal, 'daily');
  });
}

/** On start and then hourly, the daily checkpoint; a failure is logged and tried again next hour. Answers a stop function. */
export function startDailyCheckpoints(deps: AppDeps): () => void {
  const run = () => {
    writeDailyCheckpointIfDue(deps).catch((error: unknown) => {
      deps.logger.error('writing the daily audit checkpoint failed', { error: error instanceof Error ? error.message : String(error) });
    });
  };
  run();
  const timer = setInterval(run, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
