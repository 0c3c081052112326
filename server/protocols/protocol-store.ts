import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ProtocolsTable, ProtocolTimestampsTable } from '../db/schema';

/** When the protocol provably existed, and who says so; null: no timestamp yet ("tidsstämpel saknas"). */
export interface ProtocolTimestamp {
  kind: 'signature' | 'document';
  time: string;
  authority: string;
  /** SHA-256 of the file as served with it (a document timestamp appends an incremental update). */
  sha256: string;
}

/** A stored protocol without its bytes: what lists and the verification answer show. */
export interface ProtocolInfo {
  id: string;
  assessmentId: string;
  assetId: string;
  version: number;
  fileName: string;
  size: number;
  sha256: string;
  contentSha256: string;
  sealFingerprint: string;
  developmentSeal: boolean;
  sealedAt: string;
  timestamp: ProtocolTimestamp | null;
}

type Db = Kysely<Database> | Transaction<Database>;
const infoColumns = [
  'protocols.id',
  'protocols.assessment_id',
  'protocols.asset_id',
  'protocols.version',
  'protocols.file_name',
  'protocols.size',
  'protocols.sha256',
  'protocols.content_sha256',
  'protocols.seal_fingerprint',
  'protocols.development_seal',
  'protocols.sealed_at',
  'protocol_timestamps.kind as timestamp_kind',
  'protocol_timestamps.time as timestamp_time',
  'protocol_timestamps.authority as timestamp_authority',
  'protocol_timestamps.sha256 as timestamp_sha256',
] as const;

type InfoRow = Pick<Selectable<ProtocolsTable>, 'id' | 'assessment_id' | 'asset_id' | 'version' | 'file_name' | 'size' | 'sha256' | 'content_sha256' | 'seal_fingerprint' | 'development_seal' | 'sealed_at'> & {
  timestamp_kind: ProtocolTimestampsTable['kind'] | null;
  timestamp_time: string | null;
  timestamp_authority: string | null;
  timestamp_sha256: string | null;
};

function withTimestamps(db: Db) {
  return db.selectFrom('protocols').leftJoin('protocol_timestamps', 'protocol_timestamps.protocol_id', 'protocols.id').select(infoColumns);
}

function toInfo(row: InfoRow): ProtocolInfo {
  const stamped = row.timestamp_kind !== null && row.timestamp_time !== null && row.timestamp_authority !== null && row.timestamp_sha256 !== null;
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    assetId: row.asset_id,
    version: row.version,
    fileName: row.file_name,
    size: row.size,
    sha256: row.sha256,
    contentSha256: row.content_sha256,
    sealFingerprint: row.seal_fingerprint,
    developmentSeal: row.development_seal === 1,
    sealedAt: row.sealed_at,
    timestamp: stamped ? { kind: row.timestamp_kind!, time: row.timestamp_time!, authority: row.timestamp_authority!, sha256: row.timestamp_sha256! } : null,
  };
}

/** Stores a sealed protocol once; the table's triggers refuse any later change or removal. */
export async function insertProtocol(db: Db, row: Selectable<ProtocolsTable>): Promise<ProtocolInfo> {
  await db.insertInto('protocols').values(row).execute();
  return toInfo({ ...row, timestamp_kind: null, timestamp_time: null, timestamp_authority: null, timestamp_sha256: null });
}

/** Records a protocol's proof of time once (the primary key refuses a second). */
export async function insertProtocolTimestamp(db: Db, row: Selectable<ProtocolTimestampsTable>): Promise<void> {
  await db.insertInto('protocol_timestamps').values(row).execute();
}

/** Protocols sealed without a timestamp, oldest first: what the retry offers the authority again. */
export async function protocolsWithoutTimestamp(db: Db, limit: number): Promise<ProtocolInfo[]> {
  const rows = await withTimestamps(db).where('protocol_timestamps.protocol_id', 'is', null).orderBy('protocols.sealed_at').limit(limit).execute();
  return rows.map(toInfo);
}

export async function protocolsOfAssessment(db: Db, assessmentId: string): Promise<ProtocolInfo[]> {
  const rows = await withTimestamps(db).where('protocols.assessment_id', '=', assessmentId).orderBy('protocols.version').execute();
  return rows.map(toInfo);
}

export async function protocolsOfAsset(db: Db, assetId: string): Promise<ProtocolInfo[]> {
  const rows = await withTimestamps(db).where('protocols.asset_id', '=', assetId).orderBy('protocols.sealed_at').execute();
  return rows.map(toInfo);
}

export async function findProtocol(db: Db, id: string): Promise<ProtocolInfo | undefined> {
  const row = await withTimestamps(db).where('protocols.id', '=', id).executeTakeFirst();
  return row ? toInfo(row) : undefined;
}

/** The file as served: the sealed bytes, then a later document timestamp's incremental update when there is one. */
export async function protocolFile(db: Db, id: string): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('protocols')
    .leftJoin('protocol_timestamps', 'protocol_timestamps.protocol_id', 'protocols.id')
    .select(['protocols.pdf', 'protocol_timestamps.update_pdf'])
    .where('protocols.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return row.update_pdf ? new Uint8Array(Buffer.concat([row.pdf, row.update_pdf])) : row.pdf;
}

/** The sealed file alone, as it was stored at sealing: what a document timestamp is added to. */
export async function sealedProtocolFile(db: Db, id: string): Promise<Uint8Array | undefined> {
  return (await db.selectFrom('protocols').select('pdf').where('id', '=', id).executeTakeFirst())?.pdf;
}

/** Stored protocols whose sealed file has one of these SHA-256 hashes (a served file with a later timestamp begins with it). */
export async function protocolsBySha256(db: Db, hashes: string[]): Promise<ProtocolInfo[]> {
  if (hashes.length === 0) return [];
  const rows = await withTimestamps(db).where('protocols.sha256', 'in', hashes).execute();
  return rows.map(toInfo);
}

/** The asset, kind and round a verification names a stored document by. */
export async function assessmentLabel(db: Db, assessmentId: string): Promise<{ assetName: string; kind: string; round: number }> {
  const row = await db
    .selectFrom('assessments')
    .innerJoin('assets', 'assets.id', 'assessments.asset_id')
    .select(['assets.name', 'assessments.kind', 'assessments.round'])
    .where('assessments.id', '=', assessmentId)
    .executeTakeFirstOrThrow();
  return { assetName: row.name, kind: row.kind, round: row.round };
}
