import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ReviewConfirmationsTable, Role } from '../db/schema';

/** A stored review confirmation without its bytes. */
export interface ReviewConfirmationInfo {
  id: string;
  assessmentId: string;
  assetId: string;
  userId: string;
  userName: string;
  role: Role;
  statement: string;
  confirmedAt: string;
  nextReviewAt: string;
  fileName: string;
  sha256: string;
  contentSha256: string;
  developmentSeal: boolean;
}

type Db = Kysely<Database> | Transaction<Database>;
const infoColumns = ['id', 'assessment_id', 'asset_id', 'user_id', 'user_name', 'role', 'statement', 'confirmed_at', 'next_review_at', 'file_name', 'sha256', 'content_sha256', 'development_seal'] as const;

function toInfo(row: Pick<Selectable<ReviewConfirmationsTable>, (typeof infoColumns)[number]>): ReviewConfirmationInfo {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    assetId: row.asset_id,
    userId: row.user_id,
    userName: row.user_name,
    role: row.role,
    statement: row.statement,
    confirmedAt: row.confirmed_at,
    nextReviewAt: row.next_review_at,
    fileName: row.file_name,
    sha256: row.sha256,
    contentSha256: row.content_sha256,
    developmentSeal: row.development_seal === 1,
  };
}

/** Stored once; the table's triggers refuse any later change or removal. */
export async function insertConfirmation(db: Db, row: Selectable<ReviewConfirmationsTable>): Promise<ReviewConfirmationInfo> {
  await db.insertInto('review_confirmations').values(row).execute();
  return toInfo(row);
}

export async function confirmationsOfAssessment(db: Db, assessmentId: string): Promise<ReviewConfirmationInfo[]> {
  const rows = await db.selectFrom('review_confirmations').select(infoColumns).where('assessment_id', '=', assessmentId).orderBy('confirmed_at').execute();
  return rows.map(toInfo);
}

export async function findConfirmation(db: Db, id: string): Promise<ReviewConfirmationInfo | undefined> {
  const row = await db.selectFrom('review_confirmations').select(infoColumns).where('id', '=', id).executeTakeFirst();
  return row ? toInfo(row) : undefined;
}

/** Stored review confirmations whose whole file has one of these SHA-256 hashes. */
export async function confirmationsBySha256(db: Db, hashes: string[]): Promise<ReviewConfirmationInfo[]> {
  if (hashes.length === 0) return [];
  const rows = await db.selectFrom('review_confirmations').select(infoColumns).where('sha256', 'in', hashes).execute();
  return rows.map(toInfo);
}

export async function confirmationFile(db: Db, id: string): Promise<Uint8Array | undefined> {
  return (await db.selectFrom('review_confirmations').select('pdf').where('id', '=', id).executeTakeFirst())?.pdf;
}
