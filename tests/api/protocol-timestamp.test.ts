import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryMissingTimestamps } from '../../server/protocols/timestamp-retry';
import type { ApiClient } from '../support/api-client';
import { opensslTimestampVerifies, opensslTokenVerifies } from '../support/doc-timestamp';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdfaFacts } from '../support/pdfa-facts';
import { extractSignature, pdfsig } from '../support/pdf-tools';
import { signatureTimestampOf } from '../support/signature-timestamp';
import { createTestApp, type TestApp } from '../support/test-app';
import { startTsaServer, type TsaServer } from '../support/tsa-server';
import { hemtjanstAuthorAnswers } from '../support/hemtjanst-fixture';

/**
 * Issue 18.1/18.2 through the API with a real RFC 3161 authority (openssl ts behind HTTP on a free
 * port): every protocol kind is PDF/A-2b and PAdES B-T, checked by pdfsig, pdfinfo and openssl ts;
 * with the authority down the decision still holds, and the timestamp comes later as a document
 * timestamp — from the background retry or from a person's retry.
 */

interface Timestamp {
  kind: 'signature' | 'document';
  time: string;
  authority: string;
  sha256: string;
}
interface ProtocolInfo {
  id: string;
  version: number;
  sha256: string;
  timestamp: Timestamp | null;
}
interface ConfirmationInfo {
  id: string;
  sha256: string;
  timestamp: Timestamp | null;
}
interface Verification {
  verdict: string;
  timestamp: { time: string; authority: string; valid: boolean } | null;
  signatures: { kind: string; timestamp: { time: string; authority: string; valid: boolean } | null }[];
  protocol: { type: string; id: string; identical: boolean; storedRevisionIdentical: boolean } | null;
  problems: string[];
}

const authority = 'C=SE, O=Test-TSA, CN=Test-TSA tidsstämpel';
const classificationAnswers = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
const dpiaAnswers = () => {
  return hemtjanstAuthorAnswers();
};

let tsa: TsaServer;
let testApp: TestApp;
let org: OrgFixture;
let author: ApiClient;
let decider: ApiClient;

beforeAll(async () => {
  tsa = await startTsaServer();
  testApp = await createTestApp({ SIGILL_TSA_URL: tsa.url, SIGILL_TSA_TIMEOUT_SECONDS: '5', SIGILL_TRUST_ANCHORS: tsa.tsa.caPemFile });
  org = await orgFixture(testApp);
  author = await org.userWith('objektledare', org.socialId);
  decider = await org.userWith('beslutsfattare', org.socialId);
});
afterAll(async () => {
  await testApp.close();
  await tsa.close();
});

async function decidedClassification(name: string): Promise<string> {
  const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name }))).body.id;
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
  expect((await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: { ...classificationAnswers, objekt_namn: name } })).status).toBe(200);
  expect((await author.post(`/api/assessments/${id}/submit`)).status).toBe(200);
  const decided = await decider.post<{ protocolStatus: string }>(`/api/assessments/${id}/decide`, { statement: 'Klassningen fastställs.' });
  expect([decided.status, decided.body.protocolStatus]).toEqual([200, 'sealed']);
  return id;
}

async function decidedDpia(): Promise<string> {
  const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Hemtjänstens GPS-larm' }))).body.id;
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' })).body;
  expect((await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: dpiaAnswers() })).status).toBe(200);
  expect((await author.post(`/api/assessments/${id}/submit`)).status).toBe(200);
  const dso = await org.userWith('dso', org.socialId);
  expect((await dso.post(`/api/assessments/${id}/advise`, { advice: 'tillstyrker', reasons: 'Proportionerligt.', statement: 'Mitt råd enligt artikel 35.2.' })).status).toBe(200);
  expect((await decider.post(`/api/assessments/${id}/decide`, { statement: 'Nämnden godkänner behandlingen.', decision: 'godkann' })).status).toBe(200);
  return id;
}

async function protocolOf(assessmentId: string): Promise<ProtocolInfo> {
  const signOff = await author.get<{ protocols: ProtocolInfo[] }>(`/api/assessments/${assessmentId}/sign-off`);
  return signOff.body.protocols.at(-1)!;
}

async function file(path: string): Promise<Buffer> {
  const response = await author.raw('GET', path);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function verify(pdf: Buffer): Promise<Verification> {
  const sent = await testApp.app.request('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) });
  return (await sent.json()) as Verification;
}

/** What every sealed document kind must pass: pdfsig, PDF/A identification, the B-T token through openssl ts, and our verifier naming time and authority. */
async function expectArchivedWithSignatureTimestamp(pdf: Buffer): Promise<void> {
  expect(pdfsig(pdf)).toContain('Signature is Valid');
  const facts = pdfaFacts(pdf);
  expect(facts.xmp).toMatchObject({ part: '2', conformance: 'B' });
  expect(facts.xmp.documentId).toMatch(/^uuid:[0-9a-f-]{36}$/);
  expect(facts.outputIntent?.subtype).toBe('GTS_PDFA1');
  expect(facts.fonts.every((font) => font.embedded)).toBe(true);
  expect(facts.lastTrailerHasId).toBe(true);
  const { signatureValue, token } = signatureTimestampOf(extractSignature(pdf).der);
  expect(token).not.toBeNull();
  expect(opensslTokenVerifies(token!, signatureValue, tsa.tsa)).toBe(true);
  const verdict = await verify(pdf);
  expect(verdict).toMatchObject({ verdict: 'valid', timestamp: { authority, valid: true }, problems: [] });
}

describe('with a time-stamping authority', { timeout: 60_000 }, () => {
  it('seals a classification protocol as PDF/A-2b with a signature timestamp (B-T), shown with its time and authority', async () => {
    const id = await decidedClassification('Ekonomisystemet');
    const info = await protocolOf(id);
    expect(info.timestamp).toMatchObject({ kind: 'signature', authority, sha256: info.sha256 });
    const pdf = await file(`/api/assessments/${id}/protocol.pdf`);
    await expectArchivedWithSignatureTimestamp(pdf);
    expect((await verify(pdf)).timestamp!.time).toBe(info.timestamp!.time);
  });

  it('does the same for a DPIA report and a review confirmation', async () => {
    const dpia = await decidedDpia();
    expect((await protocolOf(dpia)).timestamp?.kind).toBe('signature');
    await expectArchivedWithSignatureTimestamp(await file(`/api/assessments/${dpia}/protocol.pdf`));
    const confirmed = await decider.post<ConfirmationInfo>(`/api/assessments/${dpia}/review-confirmations`, { statement: 'Inget har ändrats.' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.timestamp).toMatchObject({ kind: 'signature', authority, sha256: confirmed.body.sha256 });
    await expectArchivedWithSignatureTimestamp(await file(`/api/review-confirmations/${confirmed.body.id}/confirmation.pdf`));
  });

  it('while it is down: the decision holds, the protocol is sealed without a timestamp, and the retry adds a document timestamp that keeps it valid', async () => {
    tsa.down = true;
    let id: string;
    let onDemand: string;
    let sealed: Buffer;
    try {
      id = await decidedClassification('Lönesystemet');
      onDemand = await decidedClassification('Diariet');
      const info = await protocolOf(id);
      expect(info.timestamp).toBeNull();
      sealed = await file(`/api/assessments/${id}/protocol.pdf`);
      expect(pdfsig(sealed)).toContain('Signature is Valid');
      expect(signatureTimestampOf(extractSignature(sealed).der).token).toBeNull();
      expect((await verify(sealed)).timestamp).toBeNull();
      // Still down: the retry stamps nothing and says how many wait; a person's retry answers the protocol without one.
      expect(await retryMissingTimestamps(testApp.deps)).toEqual({ stamped: 0, waiting: 2 });
      const stillDown = await decider.post<ProtocolInfo>(`/api/assessments/${onDemand}/protocol`);
      expect([stillDown.status, stillDown.body.timestamp]).toEqual([200, null]);
    } finally {
      tsa.down = false;
    }

    // A person asks for it: the answer carries the document timestamp.
    const asked = await decider.post<ProtocolInfo>(`/api/assessments/${onDemand}/protocol`);
    expect([asked.status, asked.body.timestamp?.kind, asked.body.timestamp?.authority]).toEqual([200, 'document', authority]);
    // The background job stamps the rest.
    expect(await retryMissingTimestamps(testApp.deps)).toEqual({ stamped: 1, waiting: 0 });
    const info = await protocolOf(id);
    expect(info.timestamp).toMatchObject({ kind: 'document', authority });
    const stamped = await file(`/api/assessments/${id}/protocol.pdf`);
    expect(stamped.length).toBeGreaterThan(sealed.length);
    expect(stamped.subarray(0, sealed.length).equals(sealed)).toBe(true);
    expect(info.timestamp!.sha256).not.toBe(info.sha256);
    expect(opensslTimestampVerifies(stamped, tsa.tsa)).toBe(true);
    expect(pdfsig(stamped)).toContain('Signature is Valid');
    const facts = pdfaFacts(stamped);
    expect(facts.xmp).toMatchObject({ part: '2', conformance: 'B' });
    expect(facts.lastTrailerHasId).toBe(true);
    const verdict = await verify(stamped);
    expect(verdict).toMatchObject({ verdict: 'valid', timestamp: { time: info.timestamp!.time, authority, valid: true }, problems: [] });
    expect(verdict.protocol).toMatchObject({ id: info.id, storedRevisionIdentical: true });
    expect(verdict.signatures.map((signature) => signature.kind)).toEqual(['signature', 'timestamp']);
    // The copy downloaded before the timestamp still verifies and still names the stored protocol.
    expect(await verify(sealed)).toMatchObject({ verdict: 'valid', protocol: { id: info.id, identical: true } });
    // Nothing is left to stamp.
    expect(await retryMissingTimestamps(testApp.deps)).toEqual({ stamped: 0, waiting: 0 });
  });

  it('while it is down: a review confirmation is sealed without a timestamp and gets a document timestamp when it answers again', async () => {
    const id = await decidedClassification('Personalsystemet');
    const confirmationsOf = async () => (await decider.get<ConfirmationInfo[]>(`/api/assessments/${id}/review-confirmations`)).body;
    tsa.down = true;
    let sealed: Buffer;
    let confirmationId: string;
    try {
      const confirmed = await decider.post<ConfirmationInfo>(`/api/assessments/${id}/review-confirmations`, { statement: 'Inget har ändrats.' });
      expect([confirmed.status, confirmed.body.timestamp]).toEqual([201, null]);
      confirmationId = confirmed.body.id;
      expect((await confirmationsOf()).map((confirmation) => confirmation.timestamp)).toEqual([null]);
      sealed = await file(`/api/review-confirmations/${confirmationId}/confirmation.pdf`);
      expect(pdfsig(sealed)).toContain('Signature is Valid');
      expect(signatureTimestampOf(extractSignature(sealed).der).token).toBeNull();
      // Still down: nothing is stamped and the confirmation waits.
      expect(await retryMissingTimestamps(testApp.deps)).toEqual({ stamped: 0, waiting: 1 });
    } finally {
      tsa.down = false;
    }

    expect(await retryMissingTimestamps(testApp.deps)).toEqual({ stamped: 1, waiting: 0 });
    const [info] = await confirmationsOf();
    expect(info!.timestamp).toMatchObject({ kind: 'document', authority });
    const stamped = await file(`/api/review-confirmations/${confirmationId}/confirmation.pdf`);
    expect(stamped.subarray(0, sealed.length).equals(sealed)).toBe(true);
    expect(stamped.length).toBeGreaterThan(sealed.length);
    expect(info!.timestamp!.sha256).not.toBe(info!.sha256);
    expect(opensslTimestampVerifies(stamped, tsa.tsa)).toBe(true);
    expect(pdfsig(stamped)).toContain('Signature is Valid');
    expect(pdfaFacts(stamped).lastTrailerHasId).toBe(true);
    const verdict = await verify(stamped);
    expect(verdict).toMatchObject({ verdict: 'valid', timestamp: { time: info!.timestamp!.time, authority, valid: true }, problems: [] });
    expect(verdict.protocol).toMatchObject({ type: 'review-confirmation', id: confirmationId, storedRevisionIdentical: true });
    expect(await verify(sealed)).toMatchObject({ verdict: 'valid', protocol: { id: confirmationId, identical: true } });
    expect(await retryMissingTimestamps(testApp.deps)).toEqual({ stamped: 0, waiting: 0 });
  });
});
