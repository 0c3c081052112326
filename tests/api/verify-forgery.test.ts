import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatesFromPem } from '../../server/sealing/load-seal';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import {
  caAndIssuedSeal,
  resealed,
  selfSignedSeal,
  withDssUpdate,
  withPaddingPayload,
  withRedBoxOnFirstPage,
  withSignatureOf,
} from '../support/pdf-forgery';
import { testTsa, withDocumentTimestamp } from '../support/doc-timestamp';
import { pdfsig } from '../support/pdf-tools';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Finding 1 of issue 13, tried as a forger would: each file is built with real tools (a
 * hand-written incremental update, @signpdf's placeholder and our PAdES signer, openssl
 * certificates) from genuine protocols of a real installation, and sent to POST /api/verify.
 */

interface Signature {
  number: number;
  kind: string;
  revision: number | null;
  cryptographicallyValid: boolean;
  trust: { kind: string; anchor: string | null };
  thisInstallationsSeal: boolean;
  problems: string[];
}
interface Verification {
  verdict: string;
  thisInstallationsSeal: boolean;
  trust: { kind: string; anchor: string | null };
  signatures: Signature[];
  revisions: number;
  documentId: string | null;
  protocol: { type: string; id: string; assetName: string; identical: boolean; storedRevisionIdentical: boolean; documentIdMatches: boolean } | null;
  problems: string[];
}

const classificationAnswers = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
/** The development seal's subject, which anyone can copy into a certificate of their own. */
const devSealSubject = '/C=SE/O=Kommunen/CN=Kommunen – Sigill utvecklingssigill';

let testApp: TestApp;
let org: OrgFixture;
let objektledare: ApiClient;
let decider: ApiClient;
const protocols: { id: string; assessmentId: string; pdf: Buffer }[] = [];

async function decidedProtocol(assetName: string): Promise<{ id: string; assessmentId: string; pdf: Buffer }> {
  const assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: assetName }))).body.id;
  const assessment = (await objektledare.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
  // The workshop names the object as it was registered (the fastställd protocol renames the asset otherwise).
  const answers = { ...classificationAnswers, objekt_namn: assetName };
  expect((await objektledare.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers })).status).toBe(200);
  expect((await objektledare.post(`/api/assessments/${assessment.id}/submit`)).status).toBe(200);
  expect((await objektledare.post(`/api/assessments/${assessment.id}/ready`, { statement: 'Klar för beslut.' })).status).toBe(200);
  expect((await decider.post(`/api/assessments/${assessment.id}/decide`, { statement: 'Jag fastställer klassningen.' })).status).toBe(200);
  const response = await objektledare.raw('GET', `/api/assessments/${assessment.id}/protocol.pdf`);
  const pdf = Buffer.from(await response.arrayBuffer());
  const signOff = (await objektledare.get<{ protocols: { id: string }[] }>(`/api/assessments/${assessment.id}/sign-off`)).body;
  return { id: signOff.protocols[0]!.id, assessmentId: assessment.id, pdf };
}

/** Where the first signature's hex /Contents lies, without its angle brackets. */
function contentsHexRange(pdf: Buffer): { start: number; end: number } {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no signature');
  return { start: Number(match[2]) + 1, end: Number(match[3]) - 1 };
}

const isHexLetter = (byte: number) => (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);

async function verify(app: TestApp, pdf: Buffer): Promise<Verification> {
  const sent = await app.app.request('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) });
  expect(sent.status).toBe(200);
  return (await sent.json()) as Verification;
}

beforeAll(async () => {
  // A proxy names the client, so the mangled copies below can come from addresses of their own:
  // /api/verify allows 30 files a minute per address (tests/api/abuse-limits.test.ts tests that).
  testApp = await createTestApp({ SIGILL_TRUST_PROXY: '1' });
  org = await orgFixture(testApp);
  objektledare = await org.userWith('objektledare', org.socialId);
  decider = await org.userWith('beslutsfattare', org.socialId);
  protocols.push(await decidedProtocol('Ekonomisystemet Raindance'), await decidedProtocol('Lönesystemet Heroma'));
}, 120_000);
afterAll(async () => {
  await testApp.close();
});

describe('POST /api/verify against forgeries', { timeout: 60_000 }, () => {
  it('(d) calls a genuine protocol valid, sealed by this installation, matched by its id and its hash', async () => {
    const [genuine] = protocols;
    const result = await verify(testApp, genuine!.pdf);
    expect(result).toMatchObject({ verdict: 'valid', thisInstallationsSeal: true, revisions: 2, documentId: genuine!.id, problems: [] });
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]).toMatchObject({ revision: 2, cryptographicallyValid: true, trust: { kind: 'this-installation' } });
    expect(result.protocol).toMatchObject({ type: 'protocol', id: genuine!.id, assetName: 'Ekonomisystemet Raindance', identical: true, documentIdMatches: true });
  });

  it('(a) does not call valid a red box drawn by an update and re-sealed by a look-alike of the development seal', async () => {
    const [genuine] = protocols;
    const forger = selfSignedSeal(devSealSubject);
    const forged = await resealed(withRedBoxOnFirstPage(genuine!.pdf), forger);
    // An outside verifier sees two mathematically valid signatures, the newest over the whole file.
    const report = pdfsig(forged);
    expect(report).toContain('Signature #2');
    expect(report).toContain('Total document signed');
    expect(report).not.toContain('Digest Mismatch');

    const result = await verify(testApp, forged);
    expect(result.verdict).toBe('modified');
    expect(result.thisInstallationsSeal).toBe(false);
    expect(result.signatures.map((signature) => [signature.number, signature.revision, signature.trust.kind])).toEqual([[1, 2, 'this-installation'], [2, 4, 'unknown']]);
    expect(result.problems).toContain('Revision 3 ändrar sida 1.');
    expect(result.problems.some((problem) => problem.includes('Giltig signatur, okänd utfärdare'))).toBe(true);
    expect(result.protocol).toMatchObject({ id: genuine!.id, identical: false, storedRevisionIdentical: true, documentIdMatches: true });
  });

  it('(a) calls a re-seal by a stranger over an unchanged protocol "untrusted", never valid', async () => {
    const forged = await resealed(protocols[0]!.pdf, selfSignedSeal(devSealSubject));
    const result = await verify(testApp, forged);
    expect(result).toMatchObject({ verdict: 'untrusted', trust: { kind: 'unknown', anchor: null } });
  });

  it('(b) calls bytes hidden after the DER in /Contents modified', async () => {
    const hidden = withPaddingPayload(protocols[0]!.pdf, 'Beslutet gäller inte.');
    expect(pdfsig(hidden)).toContain('Signature is Valid');
    const result = await verify(testApp, hidden);
    expect(result.verdict).toBe('modified');
    expect(result.problems.some((problem) => /Efter signaturen i \/Contents ligger \d+ byte/.test(problem))).toBe(true);
  });

  it('(c) does not call valid, nor name as the other, a protocol whose signature was swapped in from another', async () => {
    const [first, second] = protocols;
    const swapped = withSignatureOf(first!.pdf, second!.pdf);
    const result = await verify(testApp, swapped);
    expect(result.verdict).toBe('modified');
    expect(result.protocol?.id).not.toBe(second!.id);
    expect(result.protocol).toMatchObject({ id: first!.id, identical: false, storedRevisionIdentical: false, documentIdMatches: true });
    expect(result.problems).toContain('Dokument-id matchar protokollet för Ekonomisystemet Raindance (version 1.1), men filen skiljer sig från den lagrade.');
  });

  it('(f) keeps a genuine protocol valid after an update that adds only a /DSS dictionary, or another seal by this installation', async () => {
    const [genuine] = protocols;
    const certificate = certificatesFromPem(fs.readFileSync(`${testApp.dataDir}/seal/development-certificate.pem`, 'utf8'))[0]!;
    const withDss = withDssUpdate(genuine!.pdf, certificate);
    const dss = await verify(testApp, withDss);
    expect(dss).toMatchObject({ verdict: 'valid', revisions: 3, problems: [] });
    expect(dss.protocol).toMatchObject({ id: genuine!.id, identical: false, storedRevisionIdentical: true });

    const twice = await resealed(withDss, await testApp.deps.protocols.seal());
    const again = await verify(testApp, twice);
    expect(again).toMatchObject({ verdict: 'valid', revisions: 4, thisInstallationsSeal: true, problems: [] });
    expect(again.signatures.map((signature) => signature.revision)).toEqual([2, 4]);
  });

  it('(e) trusts a seal issued by a configured trust anchor, and calls the same seal "untrusted" without the anchor', async () => {
    const { caPemFile, seal, remove } = caAndIssuedSeal('/C=SE/O=Grannkommunen/CN=Grannkommunen CA', '/C=SE/O=Grannkommunen/CN=Grannkommunen sigill');
    const neighbours = await resealed(protocols[0]!.pdf, seal);
    // Another installation, trusting the neighbour's CA and this installation's seal (a neighbouring seal as its own anchor).
    const anchored = await createTestApp({ SIGILL_TRUST_ANCHORS: `${caPemFile}, ${testApp.dataDir}/seal/development-certificate.pem` });
    try {
      const trusted = await verify(anchored, neighbours);
      expect(trusted).toMatchObject({ verdict: 'valid', thisInstallationsSeal: false, trust: { kind: 'trust-anchor', anchor: 'C=SE, O=Grannkommunen, CN=Grannkommunen CA' } });
      expect(trusted.signatures.map((signature) => signature.trust)).toEqual([
        { kind: 'trust-anchor', anchor: 'C=SE, O=Kommunen, CN=Kommunen – Sigill utvecklingssigill' },
        { kind: 'trust-anchor', anchor: 'C=SE, O=Grannkommunen, CN=Grannkommunen CA' },
      ]);
      expect((await verify(anchored, protocols[0]!.pdf)).verdict).toBe('valid');
    } finally {
      await anchored.close();
      remove();
    }
    const unknown = await verify(testApp, neighbours);
    expect(unknown).toMatchObject({ verdict: 'untrusted', trust: { kind: 'unknown' } });
  });

  it('(f) keeps a protocol valid after a document timestamp from a trusted TSA, and "untrusted" from an unknown one', async () => {
    const tsa = testTsa();
    const stamped = await withDocumentTimestamp(protocols[0]!.pdf, tsa);
    const unknownTsa = await verify(testApp, stamped);
    expect(unknownTsa).toMatchObject({ verdict: 'untrusted', revisions: 3 });
    expect(unknownTsa.signatures.map((signature) => [signature.revision, signature.trust.kind])).toEqual([[2, 'this-installation'], [3, 'unknown']]);
    const trusting = await createTestApp({ SIGILL_TRUST_ANCHORS: `${tsa.caPemFile},${testApp.dataDir}/seal/development-certificate.pem` });
    try {
      const trusted = await verify(trusting, stamped);
      expect(trusted).toMatchObject({ verdict: 'valid', problems: [], protocol: null });
      expect(trusted.signatures[1]).toMatchObject({ kind: 'timestamp', cryptographicallyValid: true, trust: { kind: 'trust-anchor', anchor: 'C=SE, O=Test-TSA, CN=Test-TSA rot' } });
    } finally {
      await trusting.close();
      tsa.remove();
    }
  });

  it('names a stored review confirmation by its id and hash', async () => {
    const [genuine] = protocols;
    const confirmed = await decider.post<{ id: string }>(`/api/assessments/${genuine!.assessmentId}/review-confirmations`, { statement: 'Inget har ändrats.' });
    expect(confirmed.status).toBe(201);
    const file = Buffer.from(await (await decider.raw('GET', `/api/review-confirmations/${confirmed.body.id}/confirmation.pdf`)).arrayBuffer());
    const result = await verify(testApp, file);
    expect(result).toMatchObject({ verdict: 'valid', documentId: confirmed.body.id, problems: [] });
    expect(result.protocol).toMatchObject({ type: 'review-confirmation', id: confirmed.body.id, assetName: 'Ekonomisystemet Raindance', identical: true, documentIdMatches: true });
  });

  it('calls a copy valid whose /Contents differs only in the letter case of its hex digits: the same signature', async () => {
    const pdf = protocols[0]!.pdf;
    const contents = contentsHexRange(pdf);
    const copy = Buffer.from(pdf);
    let flipped = 0;
    for (let at = contents.start; at < contents.end; at += 1) {
      if (isHexLetter(copy[at]!)) {
        copy[at] = copy[at]! ^ 0x20;
        flipped += 1;
      }
    }
    expect(flipped).toBeGreaterThan(0);
    const result = await verify(testApp, copy);
    expect(result.verdict).toBe('valid');
    expect(result.problems).toEqual([expect.stringContaining('men filen skiljer sig från den lagrade')]);
  });

  it('answers every mangled copy with a verdict other than valid, never a 500', async () => {
    const [genuine] = protocols;
    const pdf = genuine!.pdf;
    // A fixed-seed generator (xorshift), so a failure names a case that can be run again.
    let state = 0x5eed;
    const next = (limit: number) => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % limit;
    };
    const tail = pdf.length - 2000;
    for (let round = 0; round < 40; round += 1) {
      const copy = round % 4 === 0 ? pdf.subarray(0, next(pdf.length)) : Buffer.from(pdf);
      // Printed with a failure: the protocol's bytes differ per run (random ids), so the case is named by what was done.
      const change = { round, at: copy.length, xor: 0 };
      if (round % 4 !== 0) {
        // Mostly the structure at the end (xref, trailer, signature dictionary), sometimes anywhere.
        change.at = round % 2 === 0 ? tail + next(2000) : next(pdf.length);
        change.xor = 1 + next(255);
        copy[change.at] = copy[change.at]! ^ change.xor;
      }
      const headers = { 'content-type': 'application/pdf', 'x-forwarded-for': `192.0.2.${round + 1}` };
      const sent = await testApp.app.request('/api/verify', { method: 'POST', headers, body: new Uint8Array(copy) });
      // A copy cut before its header is refused as not a PDF; every other copy gets a verdict.
      const isPdf = copy.subarray(0, 5).toString('latin1') === '%PDF-';
      expect({ ...change, status: sent.status }).toEqual({ ...change, status: isPdf ? 200 : 400 });
      const verdict = isPdf ? ((await sent.json()) as Verification).verdict : 'refused';
      // The seed never draws 0x20, which would turn a hex letter of /Contents into the same signature (the test above).
      const was = String.fromCharCode(pdf[change.at] ?? 0);
      expect({ ...change, was, verdict }).not.toEqual({ ...change, was, verdict: 'valid' });
    }
  });
});

