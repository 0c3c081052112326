import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashEvent } from '../../server/audit/audit-log';
import { writeDailyCheckpointIfDue } from '../../server/audit/checkpoints';
import type { Kysely } from 'kysely';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import * as refuseTruncateMigration from '../../server/db/migrations/023_refuse_truncate';
import type { AuditEventsTable } from '../../server/db/schema';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdftotext } from '../support/pdf-tools';
import { dropTrigger, rawAll, rawGet, rawRun, refusal } from '../support/raw-sql';
import { ekonomisystem } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { testEngine } from '../support/test-engine';

let testApp: TestApp;
let org: OrgFixture;
let assetId: string;
beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  assetId = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
  await org.admin.patch(`/api/assets/${assetId}`, { description: 'Ändrad beskrivning' });
});
afterEach(async () => {
  await testApp.close();
});

function runVerifyCommand() {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], {
    env: { ...process.env, SIGILL_DATA_DIR: testApp.dataDir, ...testApp.databaseEnv },
    encoding: 'utf8',
  });
}

/** The named triggers that exist, on either engine. */
async function triggerNames(names: string[]): Promise<string[]> {
  const { database } = testApp.deps;
  const list = names.map(() => '?').join(', ');
  const query = database.engine === 'postgres'
    ? `select tgname as name from pg_trigger where tgname in (${list})`
    : `select name from sqlite_master where type = 'trigger' and name in (${list})`;
  return (await rawAll<{ name: string }>(database, query, ...names)).map((row) => row.name);
}

/** A decided classification with its sealed protocol: the protocol and its checkpoint anchor the chain. */
async function decidedWithProtocol(): Promise<{ id: string }> {
  const author = await org.userWith('objektledare', org.socialId);
  const decider = await org.userWith('beslutsfattare', org.socialId);
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
  expect((await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem() })).status).toBe(200);
  expect((await author.post(`/api/assessments/${id}/submit`)).status).toBe(200);
  const decided = await decider.post<{ protocolStatus: string }>(`/api/assessments/${id}/decide`, { statement: 'Klassningen fastställs.' });
  expect(decided.body.protocolStatus).toBe('sealed');
  return { id };
}

/** What an attacker with the file does after dropping the triggers: rewrite from `fromSeq` on, relinking every later event. */
async function rehashFrom(fromSeq: number, edit: (event: AuditEventsTable & { seq: number }) => void): Promise<void> {
  const { database } = testApp.deps;
  await dropTrigger(database, 'audit_events_no_update', 'audit_events');
  const events = await rawAll<AuditEventsTable & { seq: number }>(database, 'select * from audit_events order by seq');
  let previous = events.filter((event) => event.seq < fromSeq).at(-1)?.hash ?? '0'.repeat(64);
  for (const event of events.filter((candidate) => candidate.seq >= fromSeq)) {
    if (event.seq === fromSeq) edit(event);
    event.prev_hash = previous;
    event.hash = hashEvent(event);
    await rawRun(database, 'update audit_events set payload = ?, prev_hash = ?, hash = ? where seq = ?', event.payload, event.prev_hash, event.hash, event.seq);
    previous = event.hash;
  }
}

describe('the audit chain', () => {
  it('verifies an untouched chain, from code and from `npm run audit:verify`', async () => {
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict).toMatchObject({ ok: true, events: 6, problems: [] });
    const command = runVerifyCommand();
    expect(command.status).toBe(0);
    expect(command.stdout).toMatch(/Audit chain OK: \d+ events verified/);
  });

  it('refuses UPDATE and DELETE on events in the database itself', async () => {
    const { database } = testApp.deps;
    expect(await refusal(rawRun(database, "update audit_events set action = 'x' where seq = 1"))).toMatch(/append-only/);
    expect(await refusal(rawRun(database, 'delete from audit_events where seq = 1'))).toMatch(/append-only/);
  });

  // PostgreSQL's TRUNCATE fires no row trigger: it emptied the chain and every sealed record unrefused.
  it.runIf(testEngine === 'postgres')('refuses TRUNCATE of every append-only table on PostgreSQL', async () => {
    const { database } = testApp.deps;
    for (const table of ['audit_events', 'audit_checkpoints', 'protocols', 'review_confirmations', 'approvals', 'approval_withdrawals', 'lowering_approvals', 'template_versions']) {
      expect(await refusal(rawRun(database, `truncate ${table} cascade`)), table).toMatch(/append-only|immutable/);
    }
    expect((await rawGet<{ n: number }>(database, 'select count(*)::int as n from audit_events'))!.n).toBeGreaterThan(0);
  });

  it.runIf(testEngine === 'postgres')('adds the TRUNCATE refusal to an installation made before it (migration 023)', async () => {
    const { database } = testApp.deps;
    await dropTrigger(database, 'audit_events_no_delete_truncate', 'audit_events');
    await refuseTruncateMigration.up(database.db as Kysely<unknown>);
    expect(await refusal(rawRun(database, 'truncate audit_events cascade'))).toBe('audit events are append-only');
  });

  it('names the altered event when someone bypasses the triggers', async () => {
    const { database } = testApp.deps;
    const target = (await rawGet<{ seq: number; id: string }>(database, "select seq, id from audit_events where action = 'asset.updated'"))!;
    await dropTrigger(database, 'audit_events_no_update', 'audit_events');
    await rawRun(database, "update audit_events set payload = '{\"description\":\"Något annat\"}' where seq = ?", target.seq);
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toContainEqual({ kind: 'altered', seq: target.seq, message: expect.stringContaining(`event #${target.seq} (${target.id})`) });
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    expect(command.stdout).toContain(`altered: event #${target.seq} (${target.id})`);
  });

  it('names a removed event as missing', async () => {
    const { database } = testApp.deps;
    await dropTrigger(database, 'audit_events_no_delete', 'audit_events');
    await rawRun(database, 'delete from audit_events where seq = 3');
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict.problems).toContainEqual({ kind: 'missing', seq: 3, message: 'events #3 are missing (deleted)' });
  });
});

describe('the anchored chain (issue 13, finding 2)', () => {
  it('a sealed protocol prints the chain head and a signed checkpoint records it', async () => {
    const { id } = await decidedWithProtocol();
    const { database } = testApp.deps;
    const protocol = (await rawGet<{ seq: number; hash: string; pdf: Buffer }>(database, 'select audit_head_seq as seq, audit_head_hash as hash, pdf from protocols where assessment_id = ?', id))!;
    const event = (await rawGet<{ hash: string }>(database, 'select hash from audit_events where seq = ?', protocol.seq))!;
    expect(event.hash).toBe(protocol.hash);
    const text = pdftotext(protocol.pdf).replaceAll(/\s+/g, ' ');
    expect(text).toContain(`Granskningsloggen vid förseglingen: händelse ${protocol.seq}, SHA-256: ${protocol.hash}`);
    const checkpoints = await rawAll<{ seq: number }>(database, "select seq, reason from audit_checkpoints where reason = 'protocol'");
    const sealed = (await rawGet<{ seq: number }>(database, "select seq from audit_events where action = 'protocol.sealed'"))!;
    expect(checkpoints).toEqual([{ seq: sealed.seq, reason: 'protocol' }]);
    expect(runVerifyCommand().status).toBe(0);
  });

  it('truncation: the last 20 events deleted with the trigger dropped fail audit:verify, naming where the chain ends', async () => {
    await decidedWithProtocol();
    for (let index = 0; index < 5; index += 1) await org.admin.patch(`/api/assets/${assetId}`, { description: `Ändring ${index}` });
    const { database } = testApp.deps;
    const { last } = (await rawGet<{ last: number }>(database, 'select max(seq) as last from audit_events'))!;
    await dropTrigger(database, 'audit_events_no_delete', 'audit_events');
    await rawRun(database, 'delete from audit_events where seq > ?', last - 20);
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.filter((problem) => problem.kind === 'truncated').map((problem) => problem.message)).toContainEqual(expect.stringMatching(new RegExp(`^the chain ends at event #${last - 20}, but the checkpoint of .* names event #\\d+`)));
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    expect(command.stdout).toContain(`truncated: the chain ends at event #${last - 20}`);
  });

  it('a re-hashed stretch (an event edited and every later hash recomputed) fails, naming the stretch', async () => {
    await decidedWithProtocol();
    const target = (await rawGet<{ seq: number }>(testApp.deps.database, "select seq from audit_events where action = 'asset.updated'"))!;
    await rehashFrom(target.seq, (event) => {
      event.payload = '{"description":"Något annat"}';
    });
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    // Every link and hash holds after the rewrite: only the anchors give it away.
    expect((await verifyAuditChain(testApp.deps.database.db)).problems.filter((problem) => problem.kind === 'link' || problem.kind === 'altered')).toEqual([]);
    expect(command.stdout).toMatch(new RegExp(`rehashed: event #\\d+'s hash differs from the checkpoint of .*: the chain was rewritten between #1 and #\\d+`));
    expect(command.stdout).toMatch(/rehashed: event #\d+'s hash differs from protocol /);
  });

  it('deleted events relinked over fail as a gap in seq', async () => {
    await decidedWithProtocol();
    const { database } = testApp.deps;
    await dropTrigger(database, 'audit_events_no_delete', 'audit_events');
    await rawRun(database, 'delete from audit_events where seq between 4 and 6');
    await rehashFrom(7, () => {});
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    expect(command.stdout).toContain('missing: events #4–#6 are missing (deleted)');
    expect(command.stdout).not.toContain('link:');
  });

  it('a daily checkpoint is written once the newest is a day old and the chain has moved, and anchors what came after the protocol', async () => {
    await decidedWithProtocol();
    const dayLater = new Date(Date.now() + 25 * 3600_000);
    expect(await writeDailyCheckpointIfDue(testApp.deps)).toBeNull();
    // Nothing happened since the protocol's checkpoint: nothing new to sign.
    expect(await writeDailyCheckpointIfDue(testApp.deps, dayLater)).toBeNull();
    await org.admin.patch(`/api/assets/${assetId}`, { description: 'Efter protokollet' });
    const { database } = testApp.deps;
    const { last } = (await rawGet<{ last: number }>(database, 'select max(seq) as last from audit_events'))!;
    expect(await writeDailyCheckpointIfDue(testApp.deps, dayLater)).toMatchObject({ seq: last, reason: 'daily' });
    expect(runVerifyCommand().status).toBe(0);
    await dropTrigger(database, 'audit_events_no_delete', 'audit_events');
    await rawRun(database, 'delete from audit_events where seq = ?', last);
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    expect(command.stdout).toContain(`truncated: the chain ends at event #${last - 1}, but the checkpoint of`);
  });

  it('a forged checkpoint (signature not by the seal) is reported', async () => {
    await decidedWithProtocol();
    const { database } = testApp.deps;
    await dropTrigger(database, 'audit_checkpoints_no_update', 'audit_checkpoints');
    await rawRun(database, "update audit_checkpoints set signature = 'AAAA'");
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    expect(command.stdout).toMatch(/checkpoint: the checkpoint of .* at event #\d+ has a signature that does not verify/);
  });
});

describe('decision-bearing rows (issue 13, finding 2)', () => {
  it('are immutable: approvals, lowering approvals, withdrawals, template versions and a fastställd assessment refuse change', async () => {
    const { id } = await decidedWithProtocol();
    const { database } = testApp.deps;
    expect(await refusal(rawRun(database, "update approvals set user_id = 'someone' where assessment_id = ?", id))).toMatch(/approvals are immutable/);
    expect(await refusal(rawRun(database, 'delete from approvals where assessment_id = ?', id))).toMatch(/approvals are immutable/);
    expect(await triggerNames(['lowering_approvals_no_update', 'lowering_approvals_no_delete', 'approval_withdrawals_no_update', 'approval_withdrawals_no_delete', 'template_versions_no_delete'])).toHaveLength(5);
    expect(await refusal(rawRun(database, "update assessments set summary = 'K1 R1 T1 S1' where id = ?", id))).toMatch(/fastställd assessment is immutable/);
    expect(await refusal(rawRun(database, 'delete from protocols where assessment_id = ?', id))).toMatch(/immutable/);
  });

  it('an approvals row edited behind the triggers (who decided) is reported against its event', async () => {
    const { id } = await decidedWithProtocol();
    const { database } = testApp.deps;
    const other = (await rawGet<{ id: string }>(database, "select id from users where email like 'objektledare.%'"))!;
    const decision = (await rawGet<{ id: string }>(database, "select id from approvals where assessment_id = ? and step = 'decision'", id))!;
    await dropTrigger(database, 'approvals_no_update', 'approvals');
    await rawRun(database, 'update approvals set user_id = ? where id = ?', other.id, decision.id);
    const command = runVerifyCommand();
    expect(command.status).toBe(1);
    expect(command.stdout).toMatch(new RegExp(`record: approvals row ${decision.id} \\(decision\\): user_id differs from its audit event #\\d+`));
  });

  it('a return to utkast withdraws with new rows and leaves every approval as given', async () => {
    const author = await org.userWith('objektledare', org.socialId);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
      await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem() });
    await author.post(`/api/assessments/${id}/submit`);
    expect((await author.post(`/api/assessments/${id}/ready`, { statement: 'Klar för beslut' })).status).toBe(200);
    expect((await decider.post(`/api/assessments/${id}/return`, { reason: 'Komplettera' })).status).toBe(200);
    const signOff = (await author.get<{ approvals: { step: string; withdrawnAt: string | null }[] }>(`/api/assessments/${id}/sign-off`)).body;
    expect(signOff.approvals.map((approval) => [approval.step, approval.withdrawnAt !== null])).toEqual([['ready', true], ['returned', false]]);
    expect(await rawAll(testApp.deps.database, 'select cause from approval_withdrawals')).toEqual([{ cause: 'returned' }]);
    expect(runVerifyCommand().status).toBe(0);
  });
});
