import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../ids';
import type { LoadedForm } from './load-forms';
import { recordedFormFiles, recordFormFiles } from './published-form-store';

/** Published form files whose content differs from what the first start recorded. */
export class PublishedFormsChangedError extends Error {
  constructor(readonly files: string[]) {
    super(
      `A published form version is fixed, but these files changed since they were first loaded:\n${files.map((file) => `  - ${file}`).join('\n')}\n` +
        'Put each file back as it was; a new version (the next v<N>.json) is the way to change content.',
    );
    this.name = 'PublishedFormsChangedError';
  }
}

/**
 * Form versions are immutable once published (DESIGN.md): past assessments render, score and export
 * with them. The first start that sees a version records its content hash; any later start with
 * other bytes under the same id and version stops, naming the file. One read and at most one insert.
 */
export async function assertPublishedFormsUnchanged(db: Kysely<Database>, forms: readonly LoadedForm[], formsDir: string): Promise<void> {
  const recorded = new Map((await recordedFormFiles(db)).map((entry) => [`${entry.formId}@${entry.version}`, entry]));
  const changed: string[] = [];
  const fresh = [];
  for (const form of forms) {
    const known = recorded.get(`${form.meta.id}@${form.meta.version}`);
    if (!known) fresh.push({ formId: form.meta.id, version: form.meta.version, file: path.relative(formsDir, form.file), sha256: form.sha256 });
    else if (known.sha256 !== form.sha256) changed.push(form.file);
  }
  if (changed.length > 0) throw new PublishedFormsChangedError(changed);
  await recordFormFiles(db, fresh, nowIso());
}
