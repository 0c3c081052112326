import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { reconcileRecords } from './reconcile-records';
import { type ChainVerdict, verifyAuditChain } from './verify-chain';

/** All of it: the chain against its anchors, and the decision-bearing rows against their events. */
export async function verifyAudit(db: Kysely<Database>, sealFingerprints: readonly string[] = []): Promise<ChainVerdict> {
  const chain = await verifyAuditChain(db, sealFingerprints);
  const problems = [...chain.problems, ...(await reconcileRecords(db))];
  return { ...chain, ok: problems.length === 0, problems };
}
