import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssessment } from '../../server/assessments/assessment-store';
import { classificationProtocol } from '../../server/pdf/classification-protocol';
import type { DocumentDefinition } from '../../server/pdf/doc-types';
import { dpiaReport } from '../../server/pdf/dpia-report';
import { lgReportDocument } from '../../server/pdf/lg-report';
import { procurementDocument } from '../../server/pdf/procurement-document';
import { classificationInForce } from '../../server/exports/classification-in-force';
import { procurementData } from '../../server/exports/procurement-data';
import { renderPdf } from '../../server/pdf/render-pdf';
import { reviewConfirmationDocument } from '../../server/pdf/review-confirmation';
import { gatherProtocolData } from '../../server/protocols/gather-protocol-data';
import { lgReportData } from '../../server/reports/lg-report-data';
import type { ReviewConfirmationData } from '../../server/reviews/confirmation-data';
import { generateInstallation } from '../support/oversight-data';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdfStructure, pdftotext } from '../support/pdf-tools';
import { brokenWords, codesIn, formCodes, wordsOf } from '../support/protocol-text';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstAuthorAnswers } from '../support/hemtjanst-fixture';

/**
 * Each kind of PDF Sigill produces, rendered from real records and read back with pdftotext as a
 * reader (or an archive's indexer) sees it: no internal code may show, and no word may be broken
 * across lines in a narrow column.
 */

const load = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const codes = formCodes();
let testApp: TestApp;
let signOff: { approvals: { step: string; delegation: string | null; diarienummer: string | null }[] };
let org: OrgFixture;
const reference = { delegation: 'Socialnämndens delegationsordning, punkt 1.4', diarienummer: 'SN 2026/123' };
const documents = new Map<string, { definition: DocumentDefinition; text: string; pdf: Buffer }>();

async function rendered(name: string, definition: DocumentDefinition): Promise<void> {
  const pdf = await renderPdf(definition);
  documents.set(name, { definition, text: pdftotext(pdf), pdf });
}

async function decidedClassification(fixture: string, name: string): Promise<string> {
  const author = await org.userWith('objektledare', org.socialId);
  const decider = await org.userWith('beslutsfattare', org.socialId);
  const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name }))).body.id;
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
  await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: (load(fixture) as { answers: unknown }).answers });
  await author.post(`/api/assessments/${id}/submit`);
  const decided = await decider.post(`/api/assessments/${id}/decide`, { statement: 'Klassningen fastställs.', ...reference });
  if (decided.status !== 200) throw new Error(`decide failed: ${JSON.stringify(decided.body)}`);
  return id;
}

async function decidedDpia(): Promise<string> {
  const author = await org.userWith('objektledare', org.socialId);
  const decider = await org.userWith('beslutsfattare', org.socialId);
  const dso = await org.userWith('dso', org.socialId);
  const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Planeringssystem hemtjänst' }))).body.id;
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' })).body;
  const answers = hemtjanstAuthorAnswers();
  await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers });
  await author.post(`/api/assessments/${id}/submit`);
  await dso.post(`/api/assessments/${id}/advise`, { advice: 'tillstyrker-med-villkor', reasons: 'Lagringstiden ska kortas.', statement: 'Mitt råd enligt artikel 35.2.' });
  const decided = await decider.post(`/api/assessments/${id}/decide`, { statement: 'Behandlingen godkänns.', decision: 'godkann-med-villkor', reasons: 'Villkoren följs upp.', ...reference });
  if (decided.status !== 200) throw new Error(`decide failed: ${JSON.stringify(decided.body)}`);
  return id;
}

async function protocolDefinition(assessmentId: string): Promise<DocumentDefinition> {
  const assessment = (await findAssessment(testApp.deps.database.db, assessmentId))!;
  const data = await gatherProtocolData(testApp.deps, assessment, { id: 'text-check', version: 1 }, await testApp.deps.protocols.seal());
  return data.kind === 'dpia' ? dpiaReport(data, '0'.repeat(64)) : classificationProtocol(data, '0'.repeat(64));
}

/** A confirmation as confirmReview gathers it, for the first classification. */
async function confirmationData(assessmentId: string): Promise<ReviewConfirmationData> {
  const assessment = (await findAssessment(testApp.deps.database.db, assessmentId))!;
  return {
    documentId: 'text-check',
    organisation: { name: 'Socialförvaltningen', topName: 'Kommunen' },
    asset: { id: assessment.assetId, name: 'Ekonomisystemet', type: 'system' },
    assessment: { id: assessment.id, kind: 'classification', round: assessment.round, summary: assessment.summary, decidedAt: assessment.decidedAt!, previousReviewAt: null },
    protocol: { version: 1, sha256: 'ab'.repeat(32) },
    confirmedBy: { name: 'Beslutsfattare Berg', role: 'beslutsfattare' },
    statement: 'Inget har ändrats: samma leverantör, integrationer och information.',
    confirmedAt: '2026-11-23T13:30:00.000Z',
    wasDueAt: null,
    nextReviewAt: '2027-11-23T13:30:00.000Z',
    intervalMonths: 12,
    verifyUrl: 'https://sigill.exempelkommun.se/verifiera',
    seal: { development: true, subject: 'CN=Sigill utvecklingscertifikat' },
    auditHead: null,
  };
}

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  const ekonomi = await decidedClassification('tests/fixtures/classification/ekonomisystem.json', 'Ekonomisystemet');
  const elevhalsa = await decidedClassification('tests/fixtures/classification/elevhalsojournal.json', 'Elevhälsans journalsystem');
  const dpia = await decidedDpia();
  signOff = (await org.admin.get<{ approvals: { step: string; delegation: string | null; diarienummer: string | null }[] }>(`/api/assessments/${ekonomi}/sign-off`)).body;
  await rendered('the classification protocol (no personal data in one set)', await protocolDefinition(ekonomi));
  await rendered('the classification protocol (sensitive personal data)', await protocolDefinition(elevhalsa));
  await rendered('the DPIA report', await protocolDefinition(dpia));
  const ekonomiAsset = (await findAssessment(testApp.deps.database.db, ekonomi))!.assetId;
  await rendered('the procurement requirements', procurementDocument(procurementData(await classificationInForce(testApp.deps, ekonomiAsset), { name: 'Ekonomisystemet', externalId: null }, 'Socialförvaltningen')));
  await rendered('the review confirmation', reviewConfirmationDocument(await confirmationData(ekonomi), '0'.repeat(64)));
  const admin = await testApp.deps.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  await generateInstallation(testApp.deps.database.db, { organisationIds: [org.socialId, org.skolaId], userId: admin.id, assets: 40, planItemsPerAsset: 3, seed: 7 });
  const tree = await testApp.deps.organisations.current();
  const report = await lgReportData(testApp.deps.database.db, tree, org.rootId, tree.selfAndDescendants(org.rootId), new Date().getUTCFullYear());
  await rendered('Ledningens genomgång', lgReportDocument(report));
}, 120_000);
afterAll(async () => {
  await testApp.close();
});

describe('the text of every PDF kind', () => {
  it('derives a meaningful list of codes from the forms', () => {
    // The findings of issue 18: each was printed as is.
    expect(codes).toEqual(expect.arrayContaining(['none', 'kansliga', 'klassningsmodell', 'otillaten-atkomst', 'ratt-till-begransning-och-invandning', 'andamalsglidning']));
    expect(codes).not.toContain('ja');
  });

  for (const name of ['the classification protocol (no personal data in one set)', 'the classification protocol (sensitive personal data)', 'the DPIA report', 'the review confirmation', 'Ledningens genomgång', 'the procurement requirements']) {
    it(`${name} shows no form value id or internal key`, () => {
      expect(codesIn(documents.get(name)!.text, codes)).toEqual([]);
    });

    it(`${name} breaks no word across lines`, () => {
      const { definition, text } = documents.get(name)!;
      expect(brokenWords(text, wordsOf(definition))).toEqual([]);
    });

    // pdfmake alone wrote "Tagged: yes" over an empty structure tree: a screen reader found no text.
    it(`${name} is tagged: one Document of headings and paragraphs, its title the one H1`, () => {
      const { tagged, elements } = pdfStructure(documents.get(name)!.pdf);
      expect(tagged).toBe(true);
      expect(elements[0]?.role).toBe('Document');
      expect(elements.filter((element) => element.role === 'H1')).toHaveLength(1);
      expect(elements.filter((element) => element.role === 'P').length).toBeGreaterThan(10);
      expect(new Set(elements.slice(1).map((element) => element.role))).toEqual(new Set(elements.slice(1).map((element) => element.role).filter((role) => /^(H[1-3]|P)$/.test(role))));
    });
  }
});

describe('the structure of a tagged PDF', () => {
  it('holds every word of the body from its title on, a section as H2, and leaves the running header and footer out', () => {
    const { definition, pdf } = documents.get('the review confirmation')!;
    const [left, top, right, bottom] = definition.pageMargins;
    const body = pdftotext(pdf, { x: left, y: top, width: 595 - left - right, height: 842 - top - bottom });
    const { elements } = pdfStructure(pdf, { withText: true });
    expect(elements.slice(0, 3).map(({ role, text: words }) => [role, words])).toEqual([['Document', ''], ['H1', 'Omprövning utan ändring'], ['P', 'Informationsklassning: Ekonomisystemet']]);
    expect(elements.filter((element) => element.role === 'H2').map((element) => element.text)).toContain('Bekräftelse');
    const structureText = elements.map((element) => element.text).join(' ').replace(/\s+/g, ' ');
    const bodyWords = body.split(/\s+/).filter(Boolean);
    expect(bodyWords.length).toBeGreaterThan(40);
    expect(bodyWords.filter((word) => !structureText.includes(word))).toEqual([]);
    // The footer repeats "Dokument-id …" under the body's own sentence naming it.
    expect(structureText).not.toMatch(/Sida \d+ av \d+/);
    expect(structureText.match(/Dokument-id/g)).toHaveLength(1);
  });
});

/** The text of one page: pdftotext ends every page with a form feed. */
const page = (name: string, number: number) => documents.get(name)!.text.split('\f')[number - 1]!.replace(/\s+/g, ' ');

describe('page 1 of a protocol', () => {
  it('stores the delegation and diarienummer with the decision and shows them in the sign-off', () => {
    expect(signOff.approvals.find((approval) => approval.step === 'decision')).toMatchObject(reference);
  });

  it('is the classification decision: object, profile, flags by name, who, when, under what, next review', () => {
    const first = page('the classification protocol (sensitive personal data)', 1);
    expect(first).toContain('Informationsklassningen av Elevhälsans journalsystem är fastställd med profilen K3 R3 T2 S3.');
    expect(first).toContain('Verksamhetskritisk, Riskanalys rekommenderas, Personuppgifter, Känsliga personuppgifter');
    expect(first).toMatch(/Beslutat av beslutsfattare \S+, beslutsfattare/);
    expect(first).toContain(`Delegation ${reference.delegation}`);
    expect(first).toContain(`Diarienummer ${reference.diarienummer}`);
    expect(first).toMatch(/Nästa omprövning senast \d{4}-\d{2}-\d{2}/);
    expect(first).toMatch(/Handlingsplan \d+ krav och åtgärder, se bilaga 1/);
    expect(first).not.toContain('1. Klassningsobjektet');
  });

  it('puts the classification’s action plan in an appendix after the decision', () => {
    const { text } = documents.get('the classification protocol (sensitive personal data)')!;
    const appendixAt = text.indexOf('Bilaga 1. Handlingsplan');
    expect(appendixAt).toBeGreaterThan(text.indexOf('7. Beslut'));
    expect(appendixAt).toBeGreaterThan(text.indexOf('8. Omprövning'));
    // The appendix opens a page of its own.
    expect(text.lastIndexOf('\f', appendixAt)).toBeGreaterThan(text.indexOf('8. Omprövning'));
  });

  it('is the DPIA outcome: decision, residual risk, art. 36, deciding risks by the UI’s number, who and under what', () => {
    const first = page('the DPIA report', 1);
    expect(first).toContain('Beslut: Godkänns med villkor. Kvarstående risk medel; förhandssamråd med IMY krävs inte.');
    expect(first).toContain('Dataskyddsombudets råd Tillstyrker med villkor');
    expect(first).toContain('1. Otillåten åtkomst till personuppgifter');
    expect(first).toContain(`Delegation ${reference.delegation}`);
    expect(first).toContain(`Diarienummer ${reference.diarienummer}`);
    expect(first).toMatch(/Åtgärder \d+ åtgärder, se bilaga 1/);
    expect(first).not.toContain('1. Systematisk beskrivning');
  });

  it('numbers the DPIA’s risks as the workshop does: over the risks in scope, the others named as not applicable', () => {
    const text = documents.get('the DPIA report')!.text.replace(/\s+/g, ' ');
    expect(text).not.toMatch(/\bR\d\b/);
    expect(text).toMatch(/Inte aktuella för behandlingen: Bristande öppenhet, Diskriminering eller orättvis behandling\./);
    expect(text).toContain('Minskar risken för: Otillåten åtkomst till personuppgifter.');
  });
});

describe('the review confirmation', () => {
  it('numbers the round and the protocol as the UI and the protocol’s file name do', () => {
    const text = documents.get('the review confirmation')!.text.replace(/\s+/g, ' ');
    expect(text).toContain('Informationsklassning, omgång 1, fastställd');
    expect(text).toContain(`Protokoll version 1.1, SHA-256 ${'ab'.repeat(32)}`);
  });
});

describe('empty values', () => {
  it('are left out rather than printed as a dash or “(–)”', () => {
    for (const [name, { text }] of documents) expect(text, name).not.toContain('(–)');
    // This confirmation has no earlier review and no planned date: those facts are not printed at all.
    const confirmation = documents.get('the review confirmation')!.text;
    expect(confirmation).not.toContain('Föregående omprövning');
    expect(confirmation).not.toContain('Omprövning var planerad');
  });
});
