import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder in the system's temp folder, and how to remove it (each caller removes its own: no exit hook, which vitest's workers never fire). */
export function scratchFolder(prefix: string): { folder: string; remove(): void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** Runs a tool in a scratch folder that is gone when it returns, whether the tool succeeded or not. */
export function inScratchFolder<T>(prefix: string, run: (folder: string) => T): T {
  const scratch = scratchFolder(prefix);
  try {
    return run(scratch.folder);
  } finally {
    scratch.remove();
  }
}
