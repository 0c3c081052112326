import fs from 'node:fs';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './app-context';

/**
 * Serves the built client; any other GET outside /api answers with index.html so the
 * client's own routes survive a reload. Hashed assets may be cached for a year.
 */
export function serveClient(clientDir: string): MiddlewareHandler<AppEnv> {
  const root = path.relative(process.cwd(), clientDir) || '.';
  const assets = serveStatic<AppEnv>({
    root,
    onFound: (filePath, c) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`) || filePath.includes('/assets/');
      c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const indexFile = path.join(clientDir, 'index.html');
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const served = await assets(c, async () => {});
    if (served) return served;
    if (!fs.existsSync(indexFile)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(indexFile, 'utf8'));
  };
}
