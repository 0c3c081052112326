import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetInput, orgFixture } from '../support/org-fixture';
import { ekonomisystem } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 18.4: on a machine with two cores a protocol's rendering and sealing took CPU from the
 * server's main thread at equal priority, so a cheap GET's p99 rose while protocols were made. The
 * render work now runs in processes whose every thread (V8's garbage-collector helpers too) has a lower
 * priority than the server's.
 */
let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

/** The nice value of each thread of a process, read from /proc (field 19 of a task's stat). */
function niceOf(pid: number, task: number | string): number {
  const stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

function threadNiceness(pid: number): number[] {
  return fs.readdirSync(`/proc/${pid}/task`).map((task) => niceOf(pid, task));
}

/** The processes this one started (field 4 of a process's stat is its parent). */
function children(): number[] {
  return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
    } catch {
      return false;
    }
  });
}

describe.runIf(process.platform === 'linux')('the render processes', () => {
  it('seal a decision’s protocol with every thread at a lower priority than the server’s', async () => {
    const org = await orgFixture(testApp);
    const author = await org.userWith('objektledare', org.socialId);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
    await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem() });
    await author.post(`/api/assessments/${id}/submit`);
    const before = new Set(children());

    const decided = await decider.post<{ protocolStatus: string }>(`/api/assessments/${id}/decide`, { statement: 'Klassningen fastställs.' });
    expect(decided.body.protocolStatus).toBe('sealed');

    // The server's own threads keep the value it started with; every thread of the new render process is 10 lower.
    const serving = niceOf(process.pid, process.pid);
    expect(serving).toBeLessThan(10);
    const started = children().filter((pid) => !before.has(pid));
    expect(started).toHaveLength(1);
    const renderThreads = threadNiceness(started[0]!);
    expect(renderThreads.length).toBeGreaterThan(1);
    expect(new Set(renderThreads)).toEqual(new Set([serving + 10]));
  });
});
