import { spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishDate } from '../../server/pdf/layout';
import { createDevelopmentCertificate } from '../../server/sealing/dev-certificate';
import { assetInput, orgFixture } from '../support/org-fixture';
import { pdftotext } from '../support/pdf-tools';
import { ekonomisystem } from '../support/template-fixture';
import { rawGet } from '../support/raw-sql';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 13, finding 5: sealing failed after a decision, the decision answered 200 with no protocol,
 * and the first download (a granskare's GET too) rendered and sealed it later. The fault here is
 * real: the configured seal key file holds no key, so loading the seal fails as it would in production.
 */
let testApp: TestApp;
let sealFolder: string;
let keyPem: string;
beforeAll(async () => {
  sealFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-seal-'));
  const made = await createDevelopmentCertificate('Testkommun');
  keyPem = createPrivateKey({ key: Buffer.from(made.privateKeyPkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
  fs.writeFileSync(path.join(sealFolder, 'cert.pem'), new X509Certificate(made.certificate).toString());
  fs.writeFileSync(path.join(sealFolder, 'key.pem'), '-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n');
  testApp = await createTestApp({ SIGILL_SEAL_KEY: path.join(sealFolder, 'key.pem'), SIGILL_SEAL_CERT: path.join(sealFolder, 'cert.pem') });
});
afterAll(async () => {
  await testApp.close();
  fs.rmSync(sealFolder, { recursive: true, force: true });
});

async function counts(): Promise<{ events: number; protocols: number } | undefined> {
  return rawGet<{ events: number; protocols: number }>(testApp.deps.database, 'select (select count(*) from audit_events) as events, (select count(*) from protocols) as protocols');
}

function runVerifyCommand() {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], {
    env: { ...process.env, SIGILL_DATA_DIR: testApp.dataDir, ...testApp.databaseEnv, SIGILL_SEAL_KEY: path.join(sealFolder, 'key.pem'), SIGILL_SEAL_CERT: path.join(sealFolder, 'cert.pem') },
    encoding: 'utf8',
  });
}

describe('a seal that fails after the decision', () => {
  it('leaves a visible pending protocol, a download that writes nothing, and a retry that seals it with the decision’s time', async () => {
    const org = await orgFixture(testApp);
    const author = await org.userWith('objektledare', org.socialId);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    const reader = await org.userWith('granskare', org.socialId);
    const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
    await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem() });
    await author.post(`/api/assessments/${id}/submit`);

    const decided = await decider.post<{ status: string; decidedAt: string; protocolStatus: string }>(`/api/assessments/${id}/decide`, { statement: 'Klassningen fastställs.' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'faststalld', protocolStatus: 'pending' });

    // A read writes nothing: no protocol rendered, no audit event.
    const before = await counts();
    const download = await reader.get<{ error: { code: string } }>(`/api/assessments/${id}/protocol.pdf`);
    expect(download.status).toBe(409);
    expect(download.body.error.code).toBe('protocol_pending');
    expect(await counts()).toEqual(before);
    expect((await reader.get<{ protocols: unknown[] }>(`/api/assessments/${id}/sign-off`)).body.protocols).toEqual([]);

    const pending = runVerifyCommand();
    expect(pending.status).toBe(1);
    expect(pending.stdout).toContain(`pending_protocol: the decision of`);
    expect(pending.stdout).toContain(`on assessment ${id} has no sealed protocol`);

    // Only those allowed may retry; while the key is still broken the retry says so and stays pending.
    expect((await reader.post(`/api/assessments/${id}/protocol`)).status).toBe(403);
    const stillBroken = await decider.post<{ error: { code: string } }>(`/api/assessments/${id}/protocol`);
    expect([stillBroken.status, stillBroken.body.error.code]).toEqual([503, 'seal_unavailable']);
    expect(await counts()).toEqual(before);

    // The operator fixes the key; the retry seals, and the protocol carries the decision's own time.
    fs.writeFileSync(path.join(sealFolder, 'key.pem'), keyPem);
    const retried = await decider.post<{ version: number; sealedAt: string }>(`/api/assessments/${id}/protocol`);
    expect(retried.status).toBe(201);
    expect(retried.body.sealedAt > decided.body.decidedAt).toBe(true);
    const pdf = await reader.raw('GET', `/api/assessments/${id}/protocol.pdf`);
    expect(pdf.status).toBe(200);
    const text = pdftotext(new Uint8Array(await pdf.arrayBuffer())).replaceAll(/\s+/g, ' ');
    expect(text).toContain(`Beslutat ${swedishDate(decided.body.decidedAt, true)}`);
    expect((await decider.post(`/api/assessments/${id}/protocol`)).status).toBe(200);
    expect(runVerifyCommand().status).toBe(0);
  }, 120_000);
});
