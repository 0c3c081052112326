import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssessment } from '../../server/assessments/assessment-store';
import { classificationProtocol } from '../../server/pdf/classification-protocol';
import { dpiaReport } from '../../server/pdf/dpia-report';
import { lgReportDocument } from '../../server/pdf/lg-report';
import { renderPdf } from '../../server/pdf/render-pdf';
import { gatherProtocolData } from '../../server/protocols/gather-protocol-data';
import type { ProtocolData } from '../../server/protocols/protocol-types';
import { lgReportData } from '../../server/reports/lg-report-data';
import { generateInstallation } from '../support/oversight-data';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { decodeGreyPng } from '../support/png-grey';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstAuthorAnswers } from '../support/hemtjanst-fixture';

/**
 * The first page of each kind of decision document, rendered from fixed records and compared with a
 * committed reference PNG (tests/fixtures/protocol/reference/), so that a layout that silently
 * breaks is caught and a person can look at what page 1 says. UPDATE_REFERENCE=1 accepts a new layout.
 */

const referenceDir = path.resolve('tests/fixtures/protocol/reference');
const fixedTime = '2026-11-23T13:30:00.000Z';
const load = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const reference = { delegation: 'Socialnämndens delegationsordning, punkt 1.4', diarienummer: 'SN 2026/123' };
let testApp: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterAll(async () => {
  await testApp.close();
});

/** Everything that differs from run to run (ids, times, names with generated suffixes) set to fixed values. */
function pinned(data: ProtocolData): ProtocolData {
  return {
    ...data,
    documentId: '0192f0c4-5b7e-7cc1-9a6e-3f1d2b4c5a69',
    asset: { ...data.asset, id: '0192f0c4-0000-7000-8000-000000000001' },
    assessment: { ...data.assessment, id: '0192f0c4-0000-7000-8000-000000000002', decidedAt: fixedTime },
    approvals: data.approvals.map((approval, index) => ({ ...approval, id: `approval-${index}`, userId: `user-${index}`, userName: approval.role === 'dso' ? 'Dan Dahl' : 'Berit Beslut', createdAt: fixedTime })),
    nextReviewAt: '2027-11-23T13:30:00.000Z',
    verifyUrl: 'https://sigill.exempelkommun.se/verifiera',
    seal: { development: true, subject: 'CN=Sigill utvecklingscertifikat' },
  };
}

/** A greyscale first page as poppler draws it. */
function firstPageGrey(pdf: Buffer): Buffer {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-layout-'));
  try {
    fs.writeFileSync(path.join(folder, 'page.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', path.join(folder, 'page.pdf'), path.join(folder, 'page')]);
    return fs.readFileSync(path.join(folder, 'page.png'));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The share of pixels that differ clearly from the committed reference image of the same name. */
function differenceFromReference(name: string, png: Buffer): number {
  const file = path.join(referenceDir, `${name}.png`);
  if (process.env.UPDATE_REFERENCE === '1') {
    fs.mkdirSync(referenceDir, { recursive: true });
    fs.writeFileSync(file, png);
  }
  if (!fs.existsSync(file)) throw new Error(`no reference image: run once with UPDATE_REFERENCE=1 and commit ${file}`);
  const page = decodeGreyPng(png);
  const expected = decodeGreyPng(fs.readFileSync(file));
  if (page.width !== expected.width || page.height !== expected.height) return 1;
  let differing = 0;
  for (let index = 0; index < page.pixels.length; index += 1) if (Math.abs(page.pixels[index]! - expected.pixels[index]!) > 64) differing += 1;
  return differing / page.pixels.length;
}

// Anti-aliasing may differ between poppler versions; a moved block or a lost table moves far more.
const tolerance = 0.005;

async function decided(kind: 'classification' | 'dpia', name: string, answers: Record<string, unknown>, decision: Record<string, unknown>): Promise<ProtocolData> {
  const author = await org.userWith('objektledare', org.socialId);
  const decider = await org.userWith('beslutsfattare', org.socialId);
  const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name }))).body.id;
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind })).body;
  await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers });
  await author.post(`/api/assessments/${id}/submit`);
  if (kind === 'dpia') {
    const dso = await org.userWith('dso', org.socialId);
    const advised = await dso.post(`/api/assessments/${id}/advise`, { advice: 'tillstyrker-med-villkor', reasons: 'Lagringstiden ska kortas till 7 dagar.', statement: 'Mitt råd.' });
    if (advised.status !== 200) throw new Error(`advice failed: ${JSON.stringify(advised.body)}`);
  }
  const decidedNow = await decider.post(`/api/assessments/${id}/decide`, { ...decision, ...reference });
  if (decidedNow.status !== 200) throw new Error(`decide failed: ${JSON.stringify(decidedNow.body)}`);
  const seal = await testApp.deps.protocols.seal();
  return pinned(await gatherProtocolData(testApp.deps, (await findAssessment(testApp.deps.database.db, id))!, { id: 'layout', version: 1 }, seal));
}

describe('the first page of each decision document', () => {
  it('the classification protocol matches its reference image', async () => {
    const data = await decided('classification', 'Ekonomisystemet', (load('tests/fixtures/classification/ekonomisystem.json') as { answers: Record<string, unknown> }).answers, { statement: 'Klassningen fastställs.' });
    expect(differenceFromReference('classification-page1', firstPageGrey(await renderPdf(classificationProtocol(data, '0'.repeat(64)))))).toBeLessThan(tolerance);
  }, 60_000);

  it('the DPIA report matches its reference image', async () => {
    const answers = hemtjanstAuthorAnswers();
    const data = await decided('dpia', 'Planeringssystem hemtjänst', answers, { statement: 'Behandlingen godkänns.', decision: 'godkann-med-villkor', reasons: 'Villkoren följs upp vid omprövningen.' });
    expect(differenceFromReference('dpia-report-page1', firstPageGrey(await renderPdf(dpiaReport(data, '0'.repeat(64)))))).toBeLessThan(tolerance);
  }, 60_000);

  it('Ledningens genomgång matches its reference image', async () => {
    const now = new Date(fixedTime);
    const admin = await testApp.deps.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await generateInstallation(testApp.deps.database.db, { organisationIds: [org.skolaId], userId: admin.id, assets: 30, planItemsPerAsset: 3, now, seed: 5 });
    const tree = await testApp.deps.organisations.current();
    const report = await lgReportData(testApp.deps.database.db, tree, org.skolaId, tree.selfAndDescendants(org.skolaId), 2026, now);
    expect(differenceFromReference('ledningens-genomgang-page1', firstPageGrey(await renderPdf(lgReportDocument({ ...report, generatedAt: fixedTime }))))).toBeLessThan(tolerance);
  }, 60_000);
});
