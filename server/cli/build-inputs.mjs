// Plain JavaScript, so that `npm start` can decide whether to rebuild before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';

/** The newest modification time in a file or folder tree, 0 when it does not exist. */
export function newestModification(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  return newest;
}

/** True when `output` is missing or any of `inputs` (paths under `root`) changed after it was written. */
export function isBuildStale(root, output, inputs) {
  const built = fs.statSync(output, { throwIfNoEntry: false });
  if (!built) return true;
  return inputs.some((input) => newestModification(path.join(root, input)) > built.mtimeMs);
}
