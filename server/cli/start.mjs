// `npm start`: compiled JavaScript only, never tsx. Rebuilds dist/server in a child process when it is
// missing or older than its sources, then runs the bundle, which checks the client build and serves,
// in a process of its own with a bounded heap (heap-limit.mjs): package.json's script cannot pass the
// flag to this process, and V8 fixes the bound at start.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isServerBuildStale, startBundle } from './build-server.mjs';
import { heapFlags } from './heap-limit.mjs';

if (isServerBuildStale()) {
  process.stdout.write('Building the server (dist/server is missing or stale)…\n');
  const result = spawnSync(process.execPath, [fileURLToPath(new URL('./build-server.mjs', import.meta.url))], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`The server build failed (exit ${result.status ?? result.signal})\n`);
    process.exit(1);
  }
}
const server = spawn(process.execPath, [...process.execArgv, ...heapFlags(), startBundle], { stdio: 'inherit' });
// A service manager stops `npm start`: the server gets the signal and shuts down in order; this process ends with it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
