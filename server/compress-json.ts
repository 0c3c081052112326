import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-context';
import { chooseEncoding } from './forms/encoded-json';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this a JSON answer gains too little from compression to pay for it. */
export const compressFromBytes = 8 * 1024;

/**
 * Compresses a large JSON answer to a GET (an assessment with ten informationsmängder is about
 * 40 KB, an inventory page more) by the request's Accept-Encoding. Brotli at quality 5 and gzip at
 * level 6: fast enough per request, and in a zlib worker so the event loop is not held.
 * Only GETs: their answers carry no request body reflected beside a secret (BREACH), and the
 * session's CSRF token (/api/auth) stays uncompressed. An answer that already carries an
 * encoding (a published form, compressed once) or streams (the live workshop) is left alone.
 */
export const compressLargeJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || c.req.path.startsWith('/api/auth/')) return;
  const response = c.res;
  if (response.headers.has('Content-Encoding') || !/^application\/json\b/.test(response.headers.get('Content-Type') ?? '')) return;
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  if (encoding === 'identity') return;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  let sent = body;
  if (body.length >= compressFromBytes) {
    const encoded = encoding === 'br'
      ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : await gzip(body, { level: 6 });
    sent = new Uint8Array(encoded);
    headers.set('Content-Encoding', encoding);
    headers.delete('Content-Length');
    headers.append('Vary', 'Accept-Encoding');
  }
  // Cleared first: assigning over a response copies the old one's headers onto the new.
  c.res = undefined;
  c.res = new Response(sent, { status: response.status, statusText: response.statusText, headers });
};
