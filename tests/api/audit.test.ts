import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
let org: OrgFixture;
beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  const asset = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body;
  await org.admin.patch(`/api/assets/${asset.id}`, { description: 'Ändrad beskrivning' });
});
afterEach(async () => {
  await testApp.close();
});

function runVerifyCommand() {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], {
    env: { ...process.env, SIGILL_DATA_DIR: testApp.dataDir },
    encoding: 'utf8',
  });
}

describe('the audit chain', () => {
  it('verifies an untouched chain, from code and from `npm run audit:verify`', async () => {
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.events).toBe(6);
    const command = runVerifyCommand();
    expect(command.status).toBe(0);
    expect(command.stdout).toMatch(/Audit chain OK: \d+ events verified/);
  });

  it('refuses UPDATE and DELETE on events in the database itself', () => {
    const { sqlite } = testApp.deps.database;
    expect(() => sqlite.prepare("update audit_events set action = 'x' where seq = 1").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from audit_events where seq = 1').run()).toThrow(/append-only/);
  });

  it('names the first altered event when someone bypasses the triggers', async () => {
    const { sqlite } = testApp.deps.database;
    const target = sqlite.prepare("select seq, id from audit_events where action = 'asset.updated'").get() as { seq: number; id: string };
    sqlite.exec('drop trigger audit_events_no_update');
    sqlite.prepare("update audit_events set payload = '{\"description\":\"Något annat\"}' where seq = ?").run(target.seq);
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: { seq: target.seq, id: target.id, reason: expect.stringMatching(/altered/) } });
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    expect(command.stdout).toContain(`BROKEN at event #${target.seq} (${target.id})`);
  });

  it('names the event after a removed one', async () => {
    const { sqlite } = testApp.deps.database;
    sqlite.exec('drop trigger audit_events_no_delete');
    sqlite.prepare('delete from audit_events where seq = 3').run();
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: { seq: 4, reason: expect.stringMatching(/removed or reordered/) } });
  });
});
