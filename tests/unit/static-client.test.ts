import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../server/app-context';
import { serveClient } from '../../server/static-client';

/** A built client as vite.config.ts leaves it: hashed assets with .br and .gz copies beside them. */
let dir = '';
const script = 'console.log("Sigill");\n'.repeat(200);
const app = new Hono<AppEnv>();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-client-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Sigill</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'main-abc123.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'main-abc123.js.gz'), zlib.gzipSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'main-abc123.js.map'), '{"sources":["secret.ts"]}');
  app.use('*', serveClient(dir));
  app.notFound((c) => c.text('not found', 404));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string, acceptEncoding?: string) => app.request(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('serving the built client', () => {
  it('sends brotli when the browser accepts it, with the encoding, Vary and a year of immutable cache', async () => {
    const response = await get('/assets/main-abc123.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzip = await get('/assets/main-abc123.js', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(script);
    const plain = await get('/assets/main-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(script);
  });

  it('revalidates index.html, also for a client route', async () => {
    for (const url of ['/', '/tillgangar/ny']) {
      const response = await get(url, 'br');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>Sigill</title>');
    }
  });

  it('never serves a source map or a compressed copy by its own name', async () => {
    for (const url of ['/assets/main-abc123.js.map', '/assets/main-abc123.js.br', '/assets/main-abc123.js.gz']) {
      const response = await get(url, 'br');
      expect(response.status).toBe(404);
    }
  });
});
