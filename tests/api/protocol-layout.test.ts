import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssessment } from '../../server/assessments/assessment-store';
import { classificationProtocol } from '../../server/pdf/classification-protocol';
import { renderPdf } from '../../server/pdf/render-pdf';
import { gatherProtocolData } from '../../server/protocols/gather-protocol-data';
import type { ProtocolData } from '../../server/protocols/protocol-types';
import { assetInput, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The first page of a fixture protocol, rendered and compared with a committed reference image,
 * so that a layout that silently breaks is caught. Set UPDATE_REFERENCE=1 to accept a new layout.
 */

const reference = path.resolve('tests/fixtures/protocol/classification-page1.pgm');
const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

/** Everything that differs from run to run (ids, times) set to fixed values. */
function pinned(data: ProtocolData): ProtocolData {
  const fixedTime = '2026-11-23T13:30:00.000Z';
  return {
    ...data,
    documentId: '0192f0c4-5b7e-7cc1-9a6e-3f1d2b4c5a69',
    asset: { ...data.asset, id: '0192f0c4-0000-7000-8000-000000000001' },
    assessment: { ...data.assessment, id: '0192f0c4-0000-7000-8000-000000000002', decidedAt: fixedTime },
    approvals: data.approvals.map((approval, index) => ({ ...approval, id: `approval-${index}`, userId: `user-${index}`, createdAt: fixedTime })),
    nextReviewAt: '2027-11-23T13:30:00.000Z',
    verifyUrl: 'https://sigill.exempelkommun.se/verifiera',
    seal: { development: true, subject: 'CN=Sigill utvecklingscertifikat' },
  };
}

/** A greyscale page as poppler draws it: PGM is simple enough to compare without an image library. */
function firstPageGrey(pdf: Buffer): { width: number; height: number; pixels: Buffer } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-layout-'));
  fs.writeFileSync(path.join(folder, 'protocol.pdf'), pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', '-singlefile', path.join(folder, 'protocol.pdf'), path.join(folder, 'page')]);
  return parsePgm(fs.readFileSync(path.join(folder, 'page.pgm')));
}

function parsePgm(file: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(file.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a binary 8-bit PGM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: file.subarray(header[0].length) };
}

describe('the classification protocol’s layout', () => {
  it('matches the reference image of its first page within a small tolerance', async () => {
    const org = await orgFixture(testApp);
    const author = await org.userWith('objektledare', org.socialId);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Ekonomisystemet' }))).body.id;
    const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
    await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem });
    await author.post(`/api/assessments/${id}/submit`);
    expect((await decider.post(`/api/assessments/${id}/decide`, { statement: 'Klassningen fastställs.' })).status).toBe(200);
    const seal = await testApp.deps.protocols.seal();
    const data = pinned(await gatherProtocolData(testApp.deps, (await findAssessment(testApp.deps.database.db, id))!, { id: 'layout', version: 1 }, seal));
    const page = firstPageGrey(await renderPdf(classificationProtocol(data, '0'.repeat(64))));
    if (process.env.UPDATE_REFERENCE === '1') fs.writeFileSync(reference, Buffer.concat([Buffer.from(`P5\n${page.width} ${page.height}\n255\n`, 'latin1'), page.pixels]));
    expect(fs.existsSync(reference), `no reference image: run once with UPDATE_REFERENCE=1 and commit ${reference}`).toBe(true);
    const expected = parsePgm(fs.readFileSync(reference));
    expect([page.width, page.height]).toEqual([expected.width, expected.height]);
    let differing = 0;
    for (let index = 0; index < page.pixels.length; index += 1) if (Math.abs(page.pixels[index]! - expected.pixels[index]!) > 64) differing += 1;
    // Anti-aliasing may differ between poppler versions; a moved block or a lost table moves far more.
    expect(differing / page.pixels.length).toBeLessThan(0.005);
  }, 60_000);
});
