import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { createLogger } from '../../../server/log';
import { renderPdf } from '../../../server/pdf/render-pdf';
import { loadSeal } from '../../../server/sealing/load-seal';
import { PadesSigner } from '../../../server/sealing/pades-signer';
import { PdfRevisions } from '../../../server/sealing/pdf-revisions';
import { PdfSyntaxError } from '../../../server/sealing/pdf-syntax';
import { pageText } from '../../../server/sealing/pdf-text';
import { printedDocumentId } from '../../../server/protocols/document-match';
import { analyseUpdates } from '../../../server/sealing/pdf-updates';
import type { SealMaterial } from '../../../server/sealing/seal-material';
import { sealPdf } from '../../../server/sealing/seal-pdf';
import { judgeSigner, trustAnchors } from '../../../server/sealing/signature-trust';
import { checkPdfSignatures } from '../../../server/sealing/verify-pdf';
import { opensslTimestampVerifies, testTsa, withDocumentTimestamp } from '../../support/doc-timestamp';
import { appendIncrementalUpdate, appendXrefStreamUpdate, firstPage, nextObjectNumber, caAndIssuedSeal, resealed, selfSignedSeal, withDssUpdate, withPaddingPayload, withRedBoxOnFirstPage } from '../../support/pdf-forgery';
import { pdfsig } from '../../support/pdf-tools';
import { scratchFolder } from '../../support/scratch-folder';

const logger = createLogger('silent');
const at = new Date('2026-11-23T10:00:00Z');

async function twoPagePdf(): Promise<Buffer> {
  return renderPdf({
    info: { title: 'Test', author: 'Sigill', subject: 'Test', creator: 'Sigill', producer: 'Sigill', creationDate: at, modDate: at },
    language: 'sv-SE',
    tagged: true,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'DejaVuSans' },
    styles: {},
    footer: () => 'Dokument-id 01a230cf-e845-7245-a84e-5c9a6ee10e39 · version 1.1',
    content: [{ text: 'Sida ett: beslutet fastställs.', pageBreak: 'after' }, 'Sida två.'],
  });
}

/** The first three numbers of the newest /ByteRange. */
function lastByteRange(file: Buffer): [number, number, number] {
  return [...file.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)/g)].at(-1)!.slice(1).map(Number) as [number, number, number];
}

let seal: SealMaterial;
let sealed: Buffer;

const dataDir = scratchFolder('sigill-revisions-');

beforeAll(async () => {
  seal = await loadSeal(loadConfig({ SIGILL_DATA_DIR: dataDir.folder }), logger);
  sealed = await sealPdf(await twoPagePdf(), new PadesSigner(seal), { signingTime: at, name: 'Kommunen', reason: 'Fastställt protokoll', location: 'Kommunen', contactInfo: 'test' });
});
afterAll(() => dataDir.remove());

describe('the revisions of a sealed file', { timeout: 30_000 }, () => {
  it('are the original and the signature update, and the signature seals the second exactly', async () => {
    const revisions = new PdfRevisions(sealed);
    expect(revisions.revisions.map((revision) => revision.number)).toEqual([1, 2]);
    const [check] = await checkPdfSignatures(sealed);
    expect(revisions.revisionEndingAt(check!.signedEnd)?.number).toBe(2);
    expect(revisions.pages(2)).toHaveLength(2);
    expect(pageText(revisions)).toContain('Dokument-id 01a230cf-e845-7245-a84e-5c9a6ee10e39');
    expect(analyseUpdates(revisions, 2)).toEqual({ additions: [], modifications: [] });
  });

  it('read back a printed document id even where the font draws "ff" as one ligature glyph', async () => {
    // This id once read as "…-b4f-…": the CMap maps the ligature to two characters, "<0066 0066>".
    const id = '01a23101-c567-71ba-b4ff-77a744db6f4a';
    const pdf = await renderPdf({
      info: { title: 'Test', author: 'Sigill', subject: 'Test', creator: 'Sigill', producer: 'Sigill', creationDate: at, modDate: at },
      language: 'sv-SE',
      tagged: true,
      pageSize: 'A4',
      pageMargins: [40, 40, 40, 40],
      defaultStyle: { font: 'DejaVuSans', fontSize: 7.5 },
      styles: {},
      footer: () => '',
      content: [`Dokument-id ${id}, version 1.1. Effektiv offentlig förvaltning.`],
    });
    expect(printedDocumentId(pageText(new PdfRevisions(pdf)))).toBe(id);
  });

  it('name a later update that draws over page 1, even when a new seal covers the whole file', async () => {
    const forged = await resealed(withRedBoxOnFirstPage(sealed), selfSignedSeal('/C=SE/O=Kommunen/CN=Kommunen – Sigill utvecklingssigill'));
    expect(pdfsig(forged)).toContain('Total document signed');
    const checks = await checkPdfSignatures(forged);
    expect(checks.map((check) => check.cryptographicallyValid)).toEqual([true, true]);
    const revisions = new PdfRevisions(forged);
    const analysis = analyseUpdates(revisions, 2);
    expect(analysis.modifications[0]).toBe('Revision 3 ändrar sida 1.');
    expect(analysis.additions.find((addition) => addition.revision === 4)?.parts).toEqual(expect.arrayContaining(['signatur', 'signaturfält']));
  });

  it('name a changed content stream by its page', () => {
    const revisions = new PdfRevisions(sealed);
    const secondPage = revisions.pages(2)[1]!;
    const contents = revisions.object(secondPage, 2)!.value;
    const stream = contents.type === 'dict' ? contents.entries.get('Contents') : undefined;
    if (stream?.type !== 'ref') throw new Error('page 2 has no single content stream');
    const drawing = 'q 1 0 0 rg 0 0 9 9 re f Q';
    const replaced = appendIncrementalUpdate(sealed, [{ number: stream.number, body: `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream` }]);
    expect(analyseUpdates(new PdfRevisions(replaced), 2).modifications).toEqual(['Revision 3 ändrar innehållet på sida 2.']);
  });

  it('do not take a page’s content stream redefined as the AcroForm for a signature update', () => {
    const revisions = new PdfRevisions(sealed);
    const pageOne = revisions.object(revisions.pages(2)[0]!, 2)!.value;
    const stream = pageOne.type === 'dict' ? pageOne.entries.get('Contents') : undefined;
    if (stream?.type !== 'ref') throw new Error('page 1 has no single content stream');
    const text = sealed.toString('latin1');
    const root = Number(/\/Root\s+(\d+)/.exec(text.slice(-400))![1]);
    const rootAt = text.lastIndexOf(`\n${root} 0 obj`);
    const catalog = text.slice(text.indexOf('obj', rootAt) + 3, text.indexOf('endobj', rootAt)).trim();
    const blanked = appendIncrementalUpdate(sealed, [
      { number: stream.number, body: '<< /Fields [] /SigFlags 3 >>' },
      { number: root, body: catalog.replace(/\/AcroForm\s+\d+\s+0\s+R/, `/AcroForm ${stream.number} 0 R`) },
    ]);
    expect(analyseUpdates(new PdfRevisions(blanked), 2).modifications).toEqual(['Revision 3 ändrar innehållet på sida 1.']);
  });

  it('name an update whose trailer alone points at another catalog', () => {
    const revisions = new PdfRevisions(sealed);
    const root = revisions.revisions[1]!.trailer.get('Root');
    if (root?.type !== 'ref') throw new Error('no /Root');
    const emptyUpdate = appendIncrementalUpdate(sealed, []).toString('latin1');
    const trailerAt = emptyUpdate.lastIndexOf('trailer');
    const swapped = Buffer.from(emptyUpdate.slice(0, trailerAt) + emptyUpdate.slice(trailerAt).replace(`/Root ${root.number} 0 R`, `/Root ${root.number + 1} 0 R`), 'latin1');
    expect(analyseUpdates(new PdfRevisions(swapped), 2).modifications[0]).toBe('Revision 3 byter dokumentkatalog.');
    expect(analyseUpdates(new PdfRevisions(appendIncrementalUpdate(sealed, [])), 2).modifications).toEqual([]);
  });

  it('allow an update that only adds a /DSS dictionary with validation data', () => {
    const withDss = withDssUpdate(sealed, seal.chain[0]!);
    const analysis = analyseUpdates(new PdfRevisions(withDss), 2);
    expect(analysis).toEqual({ additions: [{ revision: 3, parts: ['dokumentkatalog', 'valideringsdata'] }], modifications: [] });
  });

  it('allow a document timestamp (ETSI.RFC3161), whose token must vouch for the bytes it covers', async () => {
    const tsa = testTsa();
    try {
      const stamped = await withDocumentTimestamp(sealed, tsa);
      // poppler cannot check RFC 3161 document timestamps; openssl ts can.
      expect(opensslTimestampVerifies(stamped, tsa)).toBe(true);
      const checks = await checkPdfSignatures(stamped);
      expect(checks.map((check) => [check.kind, check.cryptographicallyValid])).toEqual([['signature', true], ['timestamp', true]]);
      expect(checks[1]!.signingTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(analyseUpdates(new PdfRevisions(stamped), 2).modifications).toEqual([]);
      const anchors = trustAnchors([tsa.caPemFile]);
      expect(await judgeSigner(checks[1]!.certificates.signer, checks[1]!.certificates.others, { sealFingerprint: seal.fingerprint, anchors, at: new Date() }))
        .toEqual({ kind: 'trust-anchor', anchor: 'C=SE, O=Test-TSA, CN=Test-TSA rot' });
      // The token of one file does not vouch for another: swapped into a different stamped file, its imprint no longer matches.
      const other = await withDocumentTimestamp(withDssUpdate(sealed, seal.chain[0]!), tsa);
      const [, ownLength, ownEnd] = lastByteRange(stamped);
      const [, theirLength, theirEnd] = lastByteRange(other);
      const swapped = Buffer.from(stamped);
      other.copy(swapped, ownLength + 1, theirLength + 1, theirEnd - 1);
      expect(ownEnd - ownLength).toBe(theirEnd - theirLength);
      expect(opensslTimestampVerifies(swapped, tsa)).toBe(false);
      const [, swappedStamp] = await checkPdfSignatures(swapped);
      expect(swappedStamp).toMatchObject({ kind: 'timestamp', cryptographicallyValid: false, digestMismatch: true });
    } finally {
      tsa.remove();
    }
  });

  it('are read through cross-reference streams and object streams too (PDF 1.5 updates)', async () => {
    const root = Number(/\/Root\s+(\d+)/.exec(sealed.toString('latin1').slice(-400))![1]);
    const rootText = sealed.toString('latin1');
    const rootAt = rootText.lastIndexOf(`\n${root} 0 obj`);
    const catalog = rootText.slice(rootText.indexOf('obj', rootAt) + 3, rootText.indexOf('endobj', rootAt)).trim();
    const first = nextObjectNumber(sealed);
    const certificate = Buffer.from(seal.chain[0]!).toString('latin1');
    const withDss = appendXrefStreamUpdate(sealed, [
      { number: first, body: `<< /Length ${seal.chain[0]!.length} >>\nstream\n${certificate}\nendstream` },
      { number: first + 1, body: `<< /Type /DSS /Certs [${first} 0 R] >>` },
    ], [{ number: root, body: catalog.replace(/>>\s*$/, `/DSS ${first + 1} 0 R\n>>`) }]);
    // poppler reads the hand-written update: the seal still verifies over its own revision.
    expect(pdfsig(withDss)).toContain('Signature is Valid');
    const dss = new PdfRevisions(withDss);
    expect(dss.revisions).toHaveLength(3);
    expect(analyseUpdates(dss, 2)).toEqual({ additions: [{ revision: 3, parts: ['dokumentkatalog', 'valideringsdata', 'korsreferensdata'] }], modifications: [] });
    expect(pageText(dss)).toContain('Dokument-id 01a230cf');

    // The red box again, the changed page packed into an object stream where a naive scan of the file would not see it.
    const page = firstPage(sealed);
    const drawing = 'q 0.86 0.1 0.1 rg 40 560 515 240 re f Q';
    const contents = /\/Contents\s+(\d+\s+0\s+R)/.exec(page.body)!;
    const boxed = appendXrefStreamUpdate(sealed, [{ number: first, body: `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream` }], [
      { number: page.number, body: page.body.replace(contents[0], `/Contents [${contents[1]} ${first} 0 R]`) },
    ]);
    expect(pdfsig(boxed)).toContain('Signature is Valid');
    expect(analyseUpdates(new PdfRevisions(boxed), 2).modifications).toContain('Revision 3 ändrar sida 1.');

    // A signature dictionary hidden in an object stream is not passed over as an allowed addition.
    const hiddenSignature = appendXrefStreamUpdate(sealed, [], [{ number: first, body: '<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 1 2 3] /Contents <00> >>' }]);
    expect(analyseUpdates(new PdfRevisions(hiddenSignature), 2).modifications).toEqual(['Revision 3 lägger en signatur i en objektström, där den inte kan kontrolleras.']);
  });

  it('are refused, not guessed, when the chain of cross-reference sections loops or points at no cross-reference', () => {
    const text = sealed.toString('latin1');
    const looping = Buffer.from(`${text}\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 2 /Prev ${sealed.length + 1} >>\nstartxref\n${sealed.length + 1}\n%%EOF`, 'latin1');
    expect(() => new PdfRevisions(looping)).toThrow(PdfSyntaxError);
    // A startxref pointing at an object that is no cross-reference stream is not silently read as nothing.
    const notXref = Buffer.from(`${text}\nstartxref\n${text.indexOf('\n1 0 obj') + 1}\n%%EOF`, 'latin1');
    expect(() => new PdfRevisions(notXref)).toThrow(/unreadable cross-reference stream/);
  });
});

describe('the /Contents of a signature', () => {
  it('holds the DER and zero padding only: bytes hidden after the DER are found', async () => {
    const hidden = withPaddingPayload(sealed, 'dold betalningsorder');
    expect(pdfsig(hidden)).toContain('Signature is Valid');
    const [check] = await checkPdfSignatures(hidden);
    expect(check).toMatchObject({ cryptographicallyValid: true, paddingPayload: expect.any(Number) });
    expect(check!.paddingPayload).toBeGreaterThan(10);
    expect((await checkPdfSignatures(sealed))[0]!.paddingPayload).toBe(0);
  });

  it('is the one gap in the signed bytes: a gap that is not the dictionary’s /Contents is refused before any signature math', async () => {
    const text = sealed.toString('latin1');
    const contentsAt = text.lastIndexOf('/Contents <');
    const renamed = Buffer.from(`${text.slice(0, contentsAt)}/Kontents <${text.slice(contentsAt + '/Contents <'.length)}`, 'latin1');
    const [check] = await checkPdfSignatures(renamed);
    expect(check).toMatchObject({ signed: true, cryptographicallyValid: false, certificate: null });
    expect(check!.problems).toContain('Signaturens innehåll går inte att läsa.');
  });
});

describe('the trust in a signer', { timeout: 30_000 }, () => {
  it('is this installation for its own seal, and unknown for a look-alike with the same subject', async () => {
    const lookAlike = selfSignedSeal('/C=SE/O=Kommunen/CN=Kommunen – Sigill utvecklingssigill');
    const none = trustAnchors([]);
    expect(await judgeSigner(seal.chain[0]!, [], { sealFingerprint: seal.fingerprint, anchors: none, at })).toEqual({ kind: 'this-installation', anchor: null });
    expect((await judgeSigner(lookAlike.chain[0]!, [], { sealFingerprint: seal.fingerprint, anchors: none, at })).kind).toBe('unknown');
  });

  it('follows a chain to a configured CA, and refuses it outside the certificate’s validity', async () => {
    const { caPemFile, seal: issued, remove } = caAndIssuedSeal('/C=SE/O=Region/CN=Regionens CA', '/C=SE/O=Region/CN=Regionens sigill', 30);
    const anchors = trustAnchors([caPemFile]);
    remove();
    const context = { sealFingerprint: seal.fingerprint, anchors };
    expect(await judgeSigner(issued.chain[0]!, issued.chain.slice(1), { ...context, at: new Date() })).toEqual({ kind: 'trust-anchor', anchor: 'C=SE, O=Region, CN=Regionens CA' });
    // Without the CA certificate in the CMS, the anchor itself completes the chain.
    expect((await judgeSigner(issued.chain[0]!, [], { ...context, at: new Date() })).kind).toBe('trust-anchor');
    const later = new Date(Date.now() + 60 * 24 * 3600 * 1000);
    expect((await judgeSigner(issued.chain[0]!, issued.chain.slice(1), { ...context, at: later })).kind).toBe('unknown');
    const stranger = selfSignedSeal('/C=SE/O=Region/CN=Regionens sigill');
    expect((await judgeSigner(stranger.chain[0]!, [], { ...context, at: new Date() })).kind).toBe('unknown');
  });
});
