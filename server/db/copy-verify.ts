import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** What the sealed-document check found: how many it read, and each one whose bytes do not match its recorded hash. */
export interface SealedDocumentsVerdict {
  checked: number;
  problems: string[];
}

const pageSize = 50;

const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

async function checkProtocols(db: Kysely<Database>, verdict: SealedDocumentsVerdict): Promise<void> {
  for (let after = ''; ; ) {
    const page = await db
      .selectFrom('protocols')
      .leftJoin('protocol_timestamps', 'protocol_timestamps.protocol_id', 'protocols.id')
      .select(['protocols.id', 'protocols.pdf', 'protocols.size', 'protocols.sha256'])
      .select(['protocol_timestamps.update_pdf', 'protocol_timestamps.sha256 as stamped_sha256'])
      .where('protocols.id', '>', after)
      .orderBy('protocols.id')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      verdict.checked += 1;
      if (row.pdf.byteLength !== row.size || sha256(row.pdf) !== row.sha256) {
        verdict.problems.push(`protocol ${row.id}: its PDF does not match its recorded SHA-256 and size`);
      }
      if (row.stamped_sha256 !== null && sha256(row.pdf, row.update_pdf ?? new Uint8Array()) !== row.stamped_sha256) {
        verdict.problems.push(`protocol ${row.id}: the timestamped file does not match its recorded SHA-256`);
      }
    }
    if (page.length < pageSize) return;
    after = page.at(-1)!.id;
  }
}

async function checkConfirmations(db: Kysely<Database>, verdict: SealedDocumentsVerdict): Promise<void> {
  for (let after = ''; ; ) {
    const page = await db.selectFrom('review_confirmations').select(['id', 'pdf', 'sha256']).where('id', '>', after).orderBy('id').limit(pageSize).execute();
    for (const row of page) {
      verdict.checked += 1;
      if (sha256(row.pdf) !== row.sha256) verdict.problems.push(`review confirmation ${row.id}: its PDF does not match its recorded SHA-256`);
    }
    if (page.length < pageSize) return;
    after = page.at(-1)!.id;
  }
}

/**
 * Every sealed document (protocols, their timestamped files, review confirmations) read back and
 * hashed: its bytes must be the bytes whose SHA-256 was recorded when it was sealed.
 */
export async function verifySealedDocuments(db: Kysely<Database>): Promise<SealedDocumentsVerdict> {
  const verdict: SealedDocumentsVerdict = { checked: 0, problems: [] };
  await checkProtocols(db, verdict);
  await checkConfirmations(db, verdict);
  return verdict;
}
