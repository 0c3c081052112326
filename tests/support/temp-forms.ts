import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary forms folder holding the given files (relative path → JSON value or raw text). */
export function makeFormsFolder(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

export function smallQuestionnaire(id = 'prov', version = 1) {
  return {
    meta: { id, version, kind: 'questionnaire', title: 'Prov', locale: 'sv', publishedAt: '2026-01-01' },
    survey: { pages: [{ name: 'sida', elements: [{ type: 'text', name: 'namn', title: 'Namn' }] }] },
  };
}
