import fs from 'node:fs';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './app-context';

/** Files whose name carries a content hash (Vite's assets/): they never change under that name. */
function isHashed(urlPath: string): boolean {
  return urlPath.startsWith('/assets/');
}

/** The text files the build precompresses (vite.config.ts): caches must key them on Accept-Encoding. */
const negotiated = /\.(?:js|mjs|css|html|svg|json|txt)(?:\.br|\.gz)?$/;

/**
 * Serves the built client; any other GET outside /api answers with index.html so the
 * client's own routes survive a reload. A precompressed copy (.br, .gz) is sent when the
 * browser accepts it; hashed assets may be cached for a year, index.html is revalidated.
 * Source maps are never served, even when a build left some behind.
 */
export function serveClient(clientDir: string): MiddlewareHandler<AppEnv> {
  const root = path.relative(process.cwd(), clientDir) || '.';
  const assets = serveStatic<AppEnv>({
    root,
    precompressed: true,
  });
  const indexFile = path.join(clientDir, 'index.html');
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (/\.(?:map|br|gz)$/.test(c.req.path)) return next();
    // Set before serving: the response is built inside serveStatic, after which headers no longer reach it.
    c.header('Cache-Control', isHashed(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    const served = await assets(c, async () => {});
    // serveStatic says Vary only when it sent a compressed copy; a cache must also know the plain one varies.
    if (served && negotiated.test(c.req.path)) served.headers.set('Vary', 'Accept-Encoding');
    if (served) return served;
    if (!fs.existsSync(indexFile)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(indexFile, 'utf8'));
  };
}
