import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server-process';
import { HttpSession } from '../support/http-session';
import { inventoryRows, inventoryWorkbook, lastColumnBomb, longStringBomb, lyingSizeBomb } from '../support/import-bombs';
import { sendImport } from '../support/send-import';

/**
 * Hostile and huge inventory files against the real server process: each is refused (or, at the
 * row limit, read) with an answer, while the process stays small and /api/health keeps answering.
 * The health latency is printed, not asserted: the figure belongs to `npm run bench -- import-bombs`.
 */

const password = 'import-bomb-password';
const rssLimitMb = 400;
let server: RunningServer;
let admin: HttpSession;

async function healthP99(count: number): Promise<number> {
  const latencies: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await fetch(`${server.url}/api/health`).then((response) => response.arrayBuffer());
    latencies.push(performance.now() - started);
  }
  return percentile99(latencies);
}

function percentile99(latencies: number[]): number {
  const sorted = latencies.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: password });
  admin = await HttpSession.login(server.url, 'admin@sigill.local', password);
  process.stdout.write(`import bombs: /api/health p99 on the idle server ${(await healthP99(300)).toFixed(1)} ms over 300 requests\n`);
});
afterAll(async () => {
  await server?.stop();
});

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kilobytes) / 1024;
}

/** Sends one file while a bounded loop asks /api/health; returns the answer, the health latencies and the peak RSS. */
async function underWatch(fileName: string, bytes: Buffer) {
  const pid = server.process.pid!;
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const state = { done: false };
  const latencies: number[] = [];
  const health = (async () => {
    for (let count = 0; count < 5_000 && !state.done; count += 1) {
      const started = performance.now();
      await fetch(`${server.url}/api/health`).then((response) => response.arrayBuffer());
      latencies.push(performance.now() - started);
    }
  })();
  const sent = performance.now();
  const answer = await sendImport(admin, `/api/organisations/${admin.organisationId}/imports/preview`, fileName, bytes);
  const answeredMs = performance.now() - sent;
  state.done = true;
  await health;
  return { answer, answeredMs, p99: percentile99(latencies), requests: latencies.length, peakRssMb: statusField(pid, 'VmHWM') };
}

const reasonsOf = (body: unknown) => ((body as { error?: { details?: { field: string; message: string }[] } }).error?.details ?? []).map((detail) => detail.message).join(' | ');

describe('import bombs against the real server', () => {
  const cases: { name: string; fileName: string; bytes: () => Buffer; status: number; reason: RegExp }[] = [
    { name: '400 rows that each touch column XFD', fileName: 'kolumner.xlsx', bytes: lastColumnBomb, status: 400, reason: /column XFD/ },
    { name: 'one 100 MB inline string, zipped to about 100 KB', fileName: 'strang.xlsx', bytes: longStringBomb, status: 400, reason: /inflates to 104857|ratio/ },
    { name: 'a zip whose sheet inflates far beyond its declared size', fileName: 'ljuger.xlsx', bytes: lyingSizeBomb, status: 400, reason: /declared/ },
    { name: '10,001 data rows, one past the limit', fileName: 'for-manga.csv', bytes: () => inventoryRows(10_001), status: 400, reason: /at most 10000/ },
    { name: '10,000 data rows, at the limit', fileName: 'hela-kommunen.csv', bytes: () => inventoryRows(10_000), status: 200, reason: /^$/ },
    { name: '10,001 data rows in a workbook', fileName: 'for-manga.xlsx', bytes: () => inventoryWorkbook(10_001), status: 400, reason: /at most 10000/ },
    { name: '10,000 data rows in a workbook, at the limit', fileName: 'hela-kommunen.xlsx', bytes: () => inventoryWorkbook(10_000), status: 200, reason: /^$/ },
  ];
  for (const entry of cases) {
    it(`${entry.name}: answered ${entry.status}, RSS under ${rssLimitMb} MB`, async () => {
      const watched = await underWatch(entry.fileName, entry.bytes());
      const health = `/api/health p99 ${watched.p99.toFixed(1)} ms over ${watched.requests} requests`;
      process.stdout.write(`import bomb "${entry.name}": ${watched.answer.status} after ${watched.answeredMs.toFixed(0)} ms, ${health}, peak RSS ${watched.peakRssMb.toFixed(0)} MB\n`);
      expect(watched.answer.status, JSON.stringify(watched.answer.body).slice(0, 500)).toBe(entry.status);
      expect(reasonsOf(watched.answer.body)).toMatch(entry.reason);
      expect(watched.peakRssMb).toBeLessThan(rssLimitMb);
    });
  }

  it('still answers an ordinary import afterwards', async () => {
    const answer = await sendImport(admin, `/api/organisations/${admin.organisationId}/imports/preview`, 'liten.csv', Buffer.from('Namn;Typ\nLönesystemet;System\n'));
    expect(answer.status).toBe(200);
    expect((answer.body as { summary: { create: number } }).summary.create).toBe(1);
  });
});
