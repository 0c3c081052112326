import { serve } from '@hono/node-server';
import { createApp } from './app';
import { startDailyCheckpoints } from './audit/checkpoints';
import { loadConfig } from './config';
import { createLogger } from './log';
import { startTimestampRetry } from './protocols/timestamp-retry';
import { startYearEndKeeping } from './reports/year-end-keeping';
import { prepareDeps } from './startup';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const deps = await prepareDeps(config, logger);
  // Load (or on first start create) the seal now, so a broken seal setting stops the start and the log says which seal is used.
  await deps.protocols.seal();
  // A signed checkpoint of the audit chain's head at least daily (now, if the last is older than a day).
  const stopCheckpoints = startDailyCheckpoints(deps);
  // Seals made while the time-stamping authority was down get their document timestamp (now, then on an interval).
  const stopTimestampRetry = startTimestampRetry(deps);
  // Last year's handlingsplaner counted once for Ledningens genomgång, soon after New Year (before listening, then hourly).
  const stopYearEndKeeping = await startYearEndKeeping(deps);
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    logger.info('Sigill is listening', { url: `http://${host}:${info.port}/`, dataDir: config.dataDir });
    process.stdout.write(`Sigill is running at http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}/\n`);
  });
  const stop = () => {
    stopCheckpoints();
    stopTimestampRetry();
    stopYearEndKeeping();
    server.close(() => {
      void deps.protocols.close().then(() => deps.live.close()).then(() => deps.database.close()).then(() => process.exit(0));
    });
    // Idle keep-alive connections would hold close() open indefinitely.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Sigill could not start.\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
