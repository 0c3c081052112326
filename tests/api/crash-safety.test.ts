import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server-process';
import { HttpSession } from '../support/http-session';
import { dropTestDatabase, testDatabaseEnv } from '../support/test-engine';

/**
 * Kills the real server with SIGKILL at random moments while several clients autosave, restarts it
 * on the same data, and checks that every save it acknowledged is there and the audit chain holds.
 */

const password = 'crash-test-password';
const clients = 4;
const rounds = 10;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-crash-'));
const env = { SIGILL_ADMIN_PASSWORD: password };

interface Ack {
  revision: number;
  marker: string;
}

afterAll(async () => {
  await dropTestDatabase(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function autosaveUntilDown(session: HttpSession, assessmentId: string, client: number, round: number, acks: Ack[]): Promise<void> {
  let revision: number;
  try {
    revision = (await session.send<{ revision: number }>('GET', `/api/assessments/${assessmentId}`)).body.revision;
  } catch {
    // The kill can come before this client's first request is answered: it then saves nothing this round.
    return;
  }
  for (let save = 0; ; save += 1) {
    const marker = `runda ${round}, klient ${client}, sparning ${save}`;
    let response;
    try {
      response = await session.send<{ revision: number }>('PUT', `/api/assessments/${assessmentId}/answers`, { baseRevision: revision, answers: { objekt_namn: marker } });
    } catch {
      return;
    }
    if (response.status !== 200) throw new Error(`save refused: ${response.status} ${JSON.stringify(response.body)}`);
    revision = response.body.revision;
    acks.push({ revision, marker });
  }
}

async function verifyAuditChain(): Promise<{ status: number | null; stdout: string }> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], { env: { ...process.env, SIGILL_DATA_DIR: dataDir, ...(await testDatabaseEnv(dataDir)) }, encoding: 'utf8' });
}

describe('crash safety', () => {
  it(`keeps every acknowledged save through ${rounds} SIGKILLs`, async () => {
    let server: RunningServer = await startServer(env, { dataDir });
    const admin = await HttpSession.login(server.url, 'admin@sigill.local', password);
    const assessmentIds: string[] = [];
    for (let index = 0; index < clients; index += 1) {
      const asset = await admin.send<{ id: string }>('POST', '/api/assets', { organisationId: admin.organisationId, name: `Krocktest ${index}`, type: 'system' });
      assessmentIds.push((await admin.send<{ id: string }>('POST', `/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body.id);
    }
    const acks: Ack[][] = assessmentIds.map(() => []);
    const killDelays: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const session = admin.at(server.url);
      const writers = assessmentIds.map((id, client) => autosaveUntilDown(session, id, client, round, acks[client]!));
      const delay = 150 + Math.floor(Math.random() * 600);
      killDelays.push(delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await server.kill();
      await Promise.all(writers);

      server = await startServer(env, { dataDir });
      const after = admin.at(server.url);
      for (const [client, id] of assessmentIds.entries()) {
        const stored = (await after.send<{ revision: number; answers: { objekt_namn?: string } }>('GET', `/api/assessments/${id}`)).body;
        const last = acks[client]!.at(-1);
        if (!last) continue;
        // A save can commit and die before its answer is sent: the store may be ahead, never behind.
        const where = `client ${client} after kill ${round} (delays ${killDelays.join(', ')} ms)`;
        expect(stored.revision, where).toBeGreaterThanOrEqual(last.revision);
        const sameRevision = stored.revision === last.revision;
        expect(sameRevision ? stored.answers.objekt_namn : last.marker, where).toBe(last.marker);
      }
      const chain = await verifyAuditChain();
      expect(chain.stdout, `audit chain after kill ${round}`).toMatch(/Audit chain OK/);
    }
    await server.stop();
    expect(acks.every((list) => list.length > 0)).toBe(true);
    const revisions = acks.flat().length;
    expect(revisions).toBeGreaterThan(rounds * clients);
  }, 240_000);
});
