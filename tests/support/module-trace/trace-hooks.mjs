// The loader-thread half of trace.mjs: appends each resolved ES module URL to the trace file.
import fs from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  fs.appendFileSync(file, `esm ${resolved.url}\n`);
  return resolved;
}
