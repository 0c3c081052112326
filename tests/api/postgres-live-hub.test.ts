import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../server/assessments/live-hub';
import { PostgresLiveHub } from '../../server/assessments/postgres-live-hub';
import { createLogger } from '../../server/log';
import { dropTestDatabase, testDatabaseUrl } from '../support/test-engine';

/**
 * The LISTEN/NOTIFY hub on its own: two hubs on one database stand for two processes. An event far
 * above NOTIFY's 8,000-byte limit, with text outside ASCII, arrives whole and once; the publishing
 * hub's own listeners hear it once, not again when its notification comes back.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-live-hub-'));
let first: PostgresLiveHub;
let second: PostgresLiveHub;

beforeAll(async () => {
  const url = await testDatabaseUrl(dataDir);
  first = await PostgresLiveHub.connect(url, createLogger('silent'));
  second = await PostgresLiveHub.connect(url, createLogger('silent'));
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await dropTestDatabase(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function nextEvent(hub: PostgresLiveHub, assessmentId: string): Promise<LiveEvent> {
  return new Promise((resolve) => {
    const stop = hub.subscribe(assessmentId, (event) => {
      stop();
      resolve(event);
    });
  });
}

describe('the PostgreSQL live hub', () => {
  it('carries a large event to the other process whole, and to its own listeners once', async () => {
    const text = 'Åtgärd för överförmyndare – ärendesystem ✓ '.repeat(1_500);
    const big: LiveEvent = { type: 'change', data: { revision: 7, note: text } };
    const small: LiveEvent = { type: 'presence', data: { people: [] } };
    const own: LiveEvent[] = [];
    const stopOwn = first.subscribe('a-1', (event) => own.push(event));
    const arriving = nextEvent(second, 'a-1');
    first.publish('a-1', big);
    const received = await arriving;
    expect(JSON.stringify(big).length).toBeGreaterThan(60_000);
    expect(received).toEqual(big);
    // The small event after it is heard after it: once it arrives on the other side, the first hub has heard its own two notifications back too.
    const afterIt = nextEvent(second, 'a-1');
    first.publish('a-1', small);
    expect(await afterIt).toEqual(small);
    const roundTrip = nextEvent(first, 'a-1');
    second.publish('a-1', small);
    await roundTrip;
    stopOwn();
    expect(own).toEqual([big, small, small]);
    expect(first.listenerCount('a-1')).toBe(0);
  });

  it('sends events published back to back one after another, in order, without overlapping queries on its connection', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const events: LiveEvent[] = Array.from({ length: 40 }, (_, index) => ({ type: 'change', data: { revision: index, note: 'ö'.repeat(index * 500) } }));
    const heard: LiveEvent[] = [];
    const all = new Promise<void>((resolve) => {
      const stop = second.subscribe('a-2', (event) => {
        heard.push(event);
        if (heard.length === events.length) {
          stop();
          resolve();
        }
      });
    });
    for (const event of events) first.publish('a-2', event);
    await all;
    // Node prints a deprecation once per process, when it is emitted: let it reach the listener before looking.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(heard).toEqual(events);
    expect(warnings.filter((message) => message.includes('already executing a query'))).toEqual([]);
  });
});
