// `npm start`: compiled JavaScript only, never tsx. Rebuilds dist/server in a child process when it is
// missing or older than its sources, then runs the bundle, which checks the client build and serves.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isServerBuildStale, startBundle } from './build-server.mjs';

if (isServerBuildStale()) {
  process.stdout.write('Building the server (dist/server is missing or stale)…\n');
  const result = spawnSync(process.execPath, [fileURLToPath(new URL('./build-server.mjs', import.meta.url))], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`The server build failed (exit ${result.status ?? result.signal})\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(startBundle).href);
