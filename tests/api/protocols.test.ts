import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { opensslCmsVerify, pdfsig, pdftotext, withOneByteChanged } from '../support/pdf-tools';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstAuthorAnswers } from '../support/hemtjanst-fixture';

interface Assessment {
  id: string;
  status: string;
  revision: number;
  result: { classification?: { profile: { text: string } }; actionPlan?: { requirements: { title: string }[] } } | null;
}
interface SignOff {
  approvals: { step: string; role: string; userName: string; statement: string; details: Record<string, string | null>; withdrawnAt: string | null }[];
  protocols: { id: string; version: number; sha256: string; developmentSeal: boolean }[];
}
interface Verification {
  verdict: string;
  cryptographicallyValid: boolean;
  coversWholeFile: boolean;
  thisInstallationsSeal: boolean;
  developmentSeal: boolean;
  pades: { subFilter: string; signingCertificateV2: boolean; signingTime: boolean };
  protocol: { assetName: string; identical: boolean; documentIdMatches: boolean; version: number } | null;
}

// The object page names the asset as registered below: a fastställd protocol's name becomes the asset's.
const classificationAnswers = {
  ...(JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers,
  objekt_namn: 'Ekonomisystemet Raindance',
};
const dpiaAnswers = () => {
  return hemtjanstAuthorAnswers();
};

let testApp: TestApp;
let org: OrgFixture;
let objektledare: ApiClient;
let assetId: string;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  objektledare = await org.userWith('objektledare', org.socialId);
  assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Ekonomisystemet Raindance' }))).body.id;
});
afterEach(async () => {
  await testApp.close();
});

async function started(kind: 'classification' | 'dpia', answers: Record<string, unknown>): Promise<Assessment> {
  const assessment = (await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind })).body;
  const saved = await objektledare.put<Assessment>(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers });
  expect(saved.status).toBe(200);
  expect((await objektledare.post(`/api/assessments/${assessment.id}/submit`)).status).toBe(200);
  return saved.body;
}

async function download(client: ApiClient, path: string): Promise<{ status: number; pdf: Buffer; headers: Headers }> {
  const response = await client.raw('GET', path);
  return { status: response.status, pdf: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

/** Verification is open to anyone: sent without a session. */
async function verify(pdf: Buffer): Promise<{ status: number; body: Verification }> {
  const sent = await testApp.app.request('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) });
  return { status: sent.status, body: (await sent.json()) as Verification };
}

describe('a fastställd classification', { timeout: 30_000 }, () => {
  it('gets a sealed protocol that pdfsig, openssl and our verifier accept, and that reads as the classification', async () => {
    const assessment = await started('classification', classificationAnswers);
    expect((await objektledare.post(`/api/assessments/${assessment.id}/ready`, { statement: 'Klassningen är klar för beslut.' })).status).toBe(200);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    const decided = await decider.post<Assessment>(`/api/assessments/${assessment.id}/decide`, { statement: 'Jag fastställer klassningen.' });
    expect(decided.body.status).toBe('faststalld');

    const signOff = (await objektledare.get<SignOff>(`/api/assessments/${assessment.id}/sign-off`)).body;
    expect(signOff.approvals.map((approval) => [approval.step, approval.role])).toEqual([['ready', 'objektledare'], ['decision', 'beslutsfattare']]);
    expect(signOff.protocols).toHaveLength(1);

    const first = await download(objektledare, `/api/assessments/${assessment.id}/protocol.pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="klassning-ekonomisystemet-raindance-v1\.1\.pdf"$/);
    const again = await download(objektledare, `/api/assessments/${assessment.id}/protocols/1/protocol.pdf`);
    expect(again.pdf.equals(first.pdf)).toBe(true);
    expect(again.headers.get('cache-control')).toContain('immutable');

    const report = pdfsig(first.pdf);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('ETSI.CAdES.detached');
    expect(opensslCmsVerify(first.pdf).ok).toBe(true);
    const text = pdftotext(first.pdf);
    expect(text).toContain('Ekonomisystemet Raindance');
    expect(text).toContain(assessment.result!.classification!.profile.text);
    const flat = text.replace(/\s+/g, ' ');
    const shortest = assessment.result!.actionPlan!.requirements.map((requirement) => requirement.title).sort((a, b) => a.length - b.length)[0]!;
    expect(flat).toContain(shortest);
    expect(text).toContain('utvecklingscertifikat');
    expect(text).toMatch(/Sida 1 av \d+/);

    const ours = await verify(first.pdf);
    expect(ours.body).toMatchObject({ verdict: 'valid', cryptographicallyValid: true, coversWholeFile: true, thisInstallationsSeal: true, developmentSeal: true, pades: { subFilter: 'ETSI.CAdES.detached', signingCertificateV2: true, signingTime: false }, protocol: { assetName: 'Ekonomisystemet Raindance', identical: true, version: 1 } });
    // One byte of the title in the document information changed: page 1 still reads, so the printed document id names the original.
    const modified = withOneByteChanged(first.pdf, first.pdf.indexOf('Ekonomisystemet Raindance'));
    expect(pdfsig(modified)).toContain('Digest Mismatch');
    const tampered = await verify(modified);
    expect(tampered.body).toMatchObject({ verdict: 'modified', cryptographicallyValid: false, protocol: { assetName: 'Ekonomisystemet Raindance', identical: false, documentIdMatches: true } });

    const frozen = await objektledare.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: decided.body.revision, answers: {} });
    expect(frozen.status).toBe(409);
    expect((await decider.post(`/api/assessments/${assessment.id}/return`, { reason: 'För sent' })).status).toBe(409);
  });

  it('records a rejection with its reason and withdraws the approvals given', async () => {
    const assessment = await started('classification', classificationAnswers);
    await objektledare.post(`/api/assessments/${assessment.id}/ready`, { statement: 'Klar.' });
    const decider = await org.userWith('beslutsfattare', org.socialId);
    expect((await decider.post<Assessment>(`/api/assessments/${assessment.id}/return`, { reason: 'Motivera T-nivån.' })).body.status).toBe('utkast');
    const { approvals } = (await objektledare.get<SignOff>(`/api/assessments/${assessment.id}/sign-off`)).body;
    expect(approvals.map((approval) => approval.step)).toEqual(['ready', 'returned']);
    expect(approvals[0]!.withdrawnAt).not.toBeNull();
    expect(approvals[1]).toMatchObject({ role: 'beslutsfattare', statement: 'Motivera T-nivån.', details: { reason: 'Motivera T-nivån.' } });
    expect((await objektledare.get(`/api/assessments/${assessment.id}/protocol.pdf`)).status).toBe(409);
  });

  it('refuses a verify body that is not a PDF', async () => {
    const notPdf = await testApp.app.request('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: 'hej' });
    expect(notPdf.status).toBe(400);
    const wrongType = await testApp.app.request('/api/verify', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '%PDF-1.7' });
    expect(wrongType.status).toBe(415);
  });
});

describe('a decided DPIA', { timeout: 30_000 }, () => {
  it('needs the DSO’s advice, reasons when departing from it, and then gets a sealed report', async () => {
    const assessment = await started('dpia', dpiaAnswers());
    const decider = await org.userWith('beslutsfattare', org.socialId);
    const early = await decider.post(`/api/assessments/${assessment.id}/decide`, { statement: 'Beslut.', decision: 'godkann' });
    expect(early.status).toBe(409);
    const dso = await org.userWith('dso', org.socialId);
    expect((await decider.post(`/api/assessments/${assessment.id}/advise`, { advice: 'avstyrker', reasons: 'x', statement: 'x' })).status).toBe(403);
    const advised = await dso.post<Assessment>(`/api/assessments/${assessment.id}/advise`, { advice: 'avstyrker', reasons: 'Spårningen är inte proportionerlig.', statement: 'Jag lämnar mitt råd enligt artikel 35.2.' });
    expect(advised.status).toBe(200);
    const noReasons = await decider.post<{ error: { details: { field: string }[] } }>(`/api/assessments/${assessment.id}/decide`, { statement: 'Beslut.', decision: 'godkann' });
    expect(noReasons.status).toBe(400);
    expect(noReasons.body.error.details).toEqual([{ field: 'body.reasons', message: expect.any(String) }]);
    const decided = await decider.post<Assessment>(`/api/assessments/${assessment.id}/decide`, { statement: 'Nämnden godkänner behandlingen.', decision: 'godkann', reasons: 'Larmsäkerheten väger tyngre; positionerna gallras efter 30 dagar.' });
    expect(decided.body.status).toBe('faststalld');
    const { pdf } = await download(objektledare, `/api/assessments/${assessment.id}/protocol.pdf`);
    expect(pdfsig(pdf)).toContain('Signature is Valid');
    const text = pdftotext(pdf);
    expect(text).toContain('Konsekvensbedömning');
    expect(text).toContain('Avstyrker');
    expect(text).toContain('Larmsäkerheten väger tyngre');
    expect(text).toContain('Riskkarta');
    const { approvals } = (await objektledare.get<SignOff>(`/api/assessments/${assessment.id}/sign-off`)).body;
    expect(approvals.map((approval) => [approval.step, approval.role])).toEqual([['dso_advice', 'dso'], ['decision', 'beslutsfattare']]);
    expect(approvals[1]!.details).toMatchObject({ decision: 'godkann', departsFromAdvice: 'ja' });
  });
});
