import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The checkout's root: the nearest folder upward holding package.json. Found by walking up because
 * this module runs both from server/ (tsx, tests) and bundled into dist/server/ (`npm start`).
 */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

export const repoRoot = findRepoRoot(here);

/** True in the esbuild output (`npm start`), false from TypeScript source under tsx or vitest. */
export const runsCompiled = !import.meta.url.endsWith('.ts');

/**
 * A worker thread's entry. Compiled, it is the bundle beside the server's; from source it is the small
 * .mjs that registers tsx in the thread first, since a thread does not reliably inherit module hooks.
 */
export function threadEntry(name: 'pdf/render-worker' | 'forms/forms-worker' | 'imports/read-table-worker'): URL {
  return pathToFileURL(runsCompiled ? path.join(repoRoot, 'dist', 'server', `${name}.js`) : path.join(repoRoot, 'server', `${name}-entry.mjs`));
}
