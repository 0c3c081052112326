import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ProtocolsTable } from '../db/schema';

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
}

type Db = Kysely<Database> | Transaction<Database>;
const infoColumns = ['id', 'assessment_id', 'asset_id', 'version', 'file_name', 'size', 'sha256', 'content_sha256', 'seal_fingerprint', 'development_seal', 'sealed_at'] as const;

function toInfo(row: Pick<Selectable<ProtocolsTable>, (typeof infoColumns)[number]>): ProtocolInfo {
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
  };
}

/** Stores a sealed protocol once; the table's triggers refuse any later change or removal. */
export async function insertProtocol(db: Db, row: Selectable<ProtocolsTable>): Promise<ProtocolInfo> {
  await db.insertInto('protocols').values(row).execute();
  return toInfo(row);
}

export async function protocolsOfAssessment(db: Db, assessmentId: string): Promise<ProtocolInfo[]> {
  const rows = await db.selectFrom('protocols').select(infoColumns).where('assessment_id', '=', assessmentId).orderBy('version').execute();
  return rows.map(toInfo);
}

export async function protocolsOfAsset(db: Db, assetId: string): Promise<ProtocolInfo[]> {
  const rows = await db.selectFrom('protocols').select(infoColumns).where('asset_id', '=', assetId).orderBy('sealed_at').execute();
  return rows.map(toInfo);
}

export async function findProtocol(db: Db, id: string): Promise<ProtocolInfo | undefined> {
  const row = await db.selectFrom('protocols').select(infoColumns).where('id', '=', id).executeTakeFirst();
  return row ? toInfo(row) : undefined;
}

export async function protocolFile(db: Db, id: string): Promise<Uint8Array | undefined> {
  return (await db.selectFrom('protocols').select('pdf').where('id', '=', id).executeTakeFirst())?.pdf;
}

/** Stored protocols whose whole file has one of these SHA-256 hashes. */
export async function protocolsBySha256(db: Db, hashes: string[]): Promise<ProtocolInfo[]> {
  if (hashes.length === 0) return [];
  const rows = await db.selectFrom('protocols').select(infoColumns).where('sha256', 'in', hashes).execute();
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
