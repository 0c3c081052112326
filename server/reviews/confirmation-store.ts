import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ReviewConfirmationsTable, ReviewConfirmationTimestampsTable, Role } from '../db/schema';
import type { ProtocolTimestamp } from '../protocols/protocol-store';

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
  /** When it provably existed, as a protocol's; null while the authority has not answered. */
  timestamp: ProtocolTimestamp | null;
}

type Db = Kysely<Database> | Transaction<Database>;
const infoColumns = [
  'review_confirmations.id',
  'review_confirmations.assessment_id',
  'review_confirmations.asset_id',
  'review_confirmations.user_id',
  'review_confirmations.user_name',
  'review_confirmations.role',
  'review_confirmations.statement',
  'review_confirmations.confirmed_at',
  'review_confirmations.next_review_at',
  'review_confirmations.file_name',
  'review_confirmations.sha256',
  'review_confirmations.content_sha256',
  'review_confirmations.development_seal',
  'review_confirmation_timestamps.kind as timestamp_kind',
  'review_confirmation_timestamps.time as timestamp_time',
  'review_confirmation_timestamps.authority as timestamp_authority',
  'review_confirmation_timestamps.sha256 as timestamp_sha256',
] as const;

type InfoRow = Pick<
  Selectable<ReviewConfirmationsTable>,
  'id' | 'assessment_id' | 'asset_id' | 'user_id' | 'user_name' | 'role' | 'statement' | 'confirmed_at' | 'next_review_at' | 'file_name' | 'sha256' | 'content_sha256' | 'development_seal'
> & {
  timestamp_kind: ReviewConfirmationTimestampsTable['kind'] | null;
  timestamp_time: string | null;
  timestamp_authority: string | null;
  timestamp_sha256: string | null;
};

function withTimestamps(db: Db) {
  return db.selectFrom('review_confirmations').leftJoin('review_confirmation_timestamps', 'review_confirmation_timestamps.confirmation_id', 'review_confirmations.id').select(infoColumns);
}

function toInfo(row: InfoRow): ReviewConfirmationInfo {
  const stamped = row.timestamp_kind !== null && row.timestamp_time !== null && row.timestamp_authority !== null && row.timestamp_sha256 !== null;
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
    timestamp: stamped ? { kind: row.timestamp_kind!, time: row.timestamp_time!, authority: row.timestamp_authority!, sha256: row.timestamp_sha256! } : null,
  };
}

/** Stored once; the table's triggers refuse any later change or removal. */
export async function insertConfirmation(db: Db, row: Selectable<ReviewConfirmationsTable>): Promise<ReviewConfirmationInfo> {
  await db.insertInto('review_confirmations').values(row).execute();
  return toInfo({ ...row, timestamp_kind: null, timestamp_time: null, timestamp_authority: null, timestamp_sha256: null });
}

/** Records a confirmation's proof of time once (the primary key refuses a second). */
export async function insertConfirmationTimestamp(db: Db, row: Selectable<ReviewConfirmationTimestampsTable>): Promise<void> {
  await db.insertInto('review_confirmation_timestamps').values(row).execute();
}

/** Confirmations sealed without a timestamp, oldest first: what the retry offers the authority again. */
export async function confirmationsWithoutTimestamp(db: Db, limit: number): Promise<ReviewConfirmationInfo[]> {
  const rows = await withTimestamps(db).where('review_confirmation_timestamps.confirmation_id', 'is', null).orderBy('review_confirmations.confirmed_at').limit(limit).execute();
  return rows.map(toInfo);
}

export async function confirmationsOfAssessment(db: Db, assessmentId: string): Promise<ReviewConfirmationInfo[]> {
  const rows = await withTimestamps(db).where('review_confirmations.assessment_id', '=', assessmentId).orderBy('review_confirmations.confirmed_at').execute();
  return rows.map(toInfo);
}

export async function findConfirmation(db: Db, id: string): Promise<ReviewConfirmationInfo | undefined> {
  const row = await withTimestamps(db).where('review_confirmations.id', '=', id).executeTakeFirst();
  return row ? toInfo(row) : undefined;
}

/** Stored review confirmations whose sealed file has one of these SHA-256 hashes (a served file with a later timestamp begins with it). */
export async function confirmationsBySha256(db: Db, hashes: string[]): Promise<ReviewConfirmationInfo[]> {
  if (hashes.length === 0) return [];
  const rows = await withTimestamps(db).where('review_confirmations.sha256', 'in', hashes).execute();
  return rows.map(toInfo);
}

/** The file as served: the sealed bytes, then a later document timestamp's incremental update when there is one. */
export async function confirmationFile(db: Db, id: string): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('review_confirmations')
    .leftJoin('review_confirmation_timestamps', 'review_confirmation_timestamps.confirmation_id', 'review_confirmations.id')
    .select(['review_confirmations.pdf', 'review_confirmation_timestamps.update_pdf'])
    .where('review_confirmations.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return row.update_pdf ? new Uint8Array(Buffer.concat([row.pdf, row.update_pdf])) : row.pdf;
}

/** The sealed file alone, as stored at sealing: what a document timestamp is added to. */
export async function sealedConfirmationFile(db: Db, id: string): Promise<Uint8Array | undefined> {
  return (await db.selectFrom('review_confirmations').select('pdf').where('id', '=', id).executeTakeFirst())?.pdf;
}
