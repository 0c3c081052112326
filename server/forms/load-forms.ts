import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentKinds, isContentKind } from '../../scoring/content/content-kinds';
import type { FormMeta } from '../../scoring/content/form-file';
import { surveyJsonProblems } from './check-survey';
import { FormLoadError } from './form-errors';

export interface LoadedForm {
  meta: FormMeta;
  file: string;
  /** SHA-256 of the file's bytes as read: a published version's content is fixed (issue 13). */
  sha256: string;
  /** The whole validated file: meta plus its kind's content. */
  content: { meta: FormMeta } & Record<string, unknown>;
}

const versionFileName = /^v([1-9][0-9]*)\.json$/;

function zodReasons(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
}

function readJson(file: string): { raw: unknown; sha256: string } {
  try {
    const bytes = fs.readFileSync(file);
    return { raw: JSON.parse(bytes.toString('utf8')), sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    throw new FormLoadError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
}

/** Validates one `forms/<id>/v<N>.json` file against its kind's schema and its own path. */
export function loadFormFile(file: string): LoadedForm {
  const { raw, sha256 } = readJson(file);
  const kind = z.object({ meta: z.object({ kind: z.string() }) }).safeParse(raw);
  if (!kind.success) throw new FormLoadError(file, zodReasons(kind.error));
  if (!isContentKind(kind.data.meta.kind)) {
    throw new FormLoadError(file, [
      `meta.kind: unknown kind "${kind.data.meta.kind}" (known: ${Object.keys(contentKinds).join(', ')})`,
    ]);
  }
  const parsed = contentKinds[kind.data.meta.kind].safeParse(raw);
  if (!parsed.success) throw new FormLoadError(file, zodReasons(parsed.error));
  const content = parsed.data;
  const reasons = pathMismatches(file, content.meta);
  if ('survey' in content) reasons.push(...surveyJsonProblems(content.survey).map((p) => `survey: ${p}`));
  if (reasons.length > 0) throw new FormLoadError(file, reasons);
  return { meta: content.meta, file, sha256, content };
}

function pathMismatches(file: string, meta: FormMeta): string[] {
  const reasons: string[] = [];
  const folder = path.basename(path.dirname(file));
  const version = versionFileName.exec(path.basename(file))?.[1];
  if (folder !== meta.id) reasons.push(`meta.id: "${meta.id}" does not match its folder "${folder}"`);
  if (Number(version) !== meta.version) {
    reasons.push(`meta.version: ${meta.version} does not match the file name ${path.basename(file)}`);
  }
  return reasons;
}

/** Every `<id>/v<N>.json` under the forms folder; any other JSON file there is a mistake worth stopping for. */
export function listFormFiles(formsDir: string): string[] {
  if (!fs.existsSync(formsDir)) throw new FormLoadError(formsDir, ['the forms folder does not exist']);
  const files: string[] = [];
  for (const entry of fs.readdirSync(formsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of fs.readdirSync(path.join(formsDir, entry.name))) {
      const file = path.join(formsDir, entry.name, name);
      if (versionFileName.test(name)) files.push(file);
      else if (name.endsWith('.json')) throw new FormLoadError(file, ['a form file must be named v<N>.json']);
    }
  }
  return files.sort();
}
