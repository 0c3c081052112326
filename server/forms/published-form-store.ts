import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface PublishedFormFile {
  formId: string;
  version: number;
  /** Relative to the forms folder. */
  file: string;
  sha256: string;
}

/** Every published form version whose content hash has been recorded. */
export async function recordedFormFiles(db: Kysely<Database>): Promise<PublishedFormFile[]> {
  const rows = await db.selectFrom('published_form_files').select(['form_id', 'version', 'file', 'sha256']).execute();
  return rows.map((row) => ({ formId: row.form_id, version: row.version, file: row.file, sha256: row.sha256 }));
}

/** Records newly seen published versions, in one statement. */
export async function recordFormFiles(db: Kysely<Database>, files: readonly PublishedFormFile[], at: string): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('published_form_files')
    .values(files.map((entry) => ({ form_id: entry.formId, version: entry.version, file: entry.file, sha256: entry.sha256, recorded_at: at })))
    .execute();
}
