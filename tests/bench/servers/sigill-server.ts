import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { prepareDeps } from '../../../server/startup';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-bench-'));
const config = loadConfig({ ...process.env, SIGILL_DATA_DIR: dataDir, SIGILL_PORT: '0', SIGILL_LOG_LEVEL: 'warn' });
const deps = await prepareDeps(config);
// As server/index.ts does: the seal is loaded (a development certificate made) before listening, not by the first decision.
await deps.protocols.seal();
const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`LISTENING ${info.port}\n`);
});
// SIGUSR2: prints how late the main thread's event loop ran since the last SIGUSR2 (a bench's window), then starts over.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const ms = (nanoseconds: number) => (nanoseconds / 1e6).toFixed(1);
process.on('SIGUSR2', () => {
  process.stdout.write(`LOOPDELAY ${ms(loopDelay.percentile(50))} ${ms(loopDelay.percentile(99))} ${ms(loopDelay.max)}\n`);
  loopDelay.reset();
});
process.on('SIGTERM', () => {
  server.close();
  void deps.database.close().then(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
