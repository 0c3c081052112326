import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { createLogger } from '../../../server/log';
import { renderPdf } from '../../../server/pdf/render-pdf';
import { loadSeal } from '../../../server/sealing/load-seal';
import { PadesSigner } from '../../../server/sealing/pades-signer';
import type { SealMaterial } from '../../../server/sealing/seal-material';
import { addDocumentTimestamp, sealPdf } from '../../../server/sealing/seal-pdf';
import type { TsaSettings } from '../../../server/sealing/tsa-client';
import { checkPdfSignatures } from '../../../server/sealing/verify-pdf';
import { opensslTimestampVerifies, opensslTokenVerifies } from '../../support/doc-timestamp';
import { extractSignature, pdfsig } from '../../support/pdf-tools';
import { pdfaFacts } from '../../support/pdfa-facts';
import { scratchFolder } from '../../support/scratch-folder';
import { signatureTimestampOf as tokenIn } from '../../support/signature-timestamp';
import { startTsaServer, type TsaServer } from '../../support/tsa-server';

const logger = createLogger('silent');
const at = new Date('2026-11-23T10:00:00Z');
const documentId = '019ad5e0-1111-7000-8000-00000000abcd';
const sealOptions = { signingTime: at, name: 'Testkommun', reason: 'Fastställt protokoll', location: 'Sigill', contactInfo: 'test' };

function archivedPdf(title: string): Promise<Buffer> {
  return renderPdf({
    info: { title, author: 'Testkommun', subject: 'Informationsklassning', creator: 'Sigill', producer: 'Sigill', creationDate: at, modDate: at },
    language: 'sv-SE',
    tagged: true,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'DejaVuSans' },
    styles: {},
    footer: (page, count) => `Sida ${page} av ${count}`,
    content: ['Informationsklassning – åäö ÅÄÖ ✓ ☐'],
  }, documentId);
}

function signatureTimestampOf(pdf: Buffer): { signatureValue: Uint8Array; token: Uint8Array | null } {
  return tokenIn(extractSignature(pdf).der);
}

let seal: SealMaterial;
let server: TsaServer;
let tsa: TsaSettings;
const dataDir = scratchFolder('sigill-archive-');

beforeAll(async () => {
  seal = await loadSeal(loadConfig({ SIGILL_DATA_DIR: dataDir.folder }), logger);
  server = await startTsaServer();
  tsa = { url: server.url, username: undefined, password: undefined, hashAlgorithm: 'sha256', timeoutMs: 5000 };
});

afterAll(async () => {
  await server.close();
  dataDir.remove();
});

describe('a document made for the archive', { timeout: 30_000 }, () => {
  it('is identified as PDF/A-2b in its XMP, with the sRGB output intent, embedded fonts, title, author, dates and document id', async () => {
    const pdf = await archivedPdf('Lön & <HR> – ekonomisystem');
    const facts = pdfaFacts(pdf);
    expect(facts.header).toBe('%PDF-1.7');
    expect(facts.xmp).toMatchObject({ part: '2', conformance: 'B', title: 'Lön &amp; &lt;HR&gt; – ekonomisystem', creator: 'Testkommun', documentId: `uuid:${documentId}` });
    expect(facts.xmp.createDate).toBe('2026-11-23T10:00:00Z');
    expect(facts.xmp.modifyDate).toBe('2026-11-23T10:00:00Z');
    expect(facts.xmpIsWellFormed).toBe(true);
    expect(facts.outputIntent).toEqual({ subtype: 'GTS_PDFA1', identifier: 'sRGB IEC61966-2.1', iccProfileClass: 'mntr', iccColourSpace: 'RGB ' });
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.every((font) => font.embedded)).toBe(true);
    expect(facts.lastTrailerHasId).toBe(true);
  });

  it('stays PDF/A after the seal: the update keeps the catalogue’s metadata and output intent and the trailer’s file id', async () => {
    const sealed = await sealPdf(await archivedPdf('Ekonomisystem'), new PadesSigner(seal), sealOptions);
    const facts = pdfaFacts(sealed);
    expect(facts.xmp).toMatchObject({ part: '2', conformance: 'B', documentId: `uuid:${documentId}` });
    expect(facts.outputIntent?.subtype).toBe('GTS_PDFA1');
    expect(facts.catalogueKeepsMetadata).toBe(true);
    expect(facts.lastTrailerHasId).toBe(true);
    expect(pdfsig(sealed)).toContain('Signature is Valid');
  });
});

describe('PAdES B-T', { timeout: 30_000 }, () => {
  it('puts the authority’s token over the signature value into the unsigned attributes, which openssl ts -verify accepts', async () => {
    const granted = server.granted;
    const sealed = await sealPdf(await archivedPdf('Ekonomisystem'), new PadesSigner(seal, tsa), sealOptions);
    expect(server.granted).toBe(granted + 1);
    const report = pdfsig(sealed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('ETSI.CAdES.detached');
    const { signatureValue, token } = signatureTimestampOf(sealed);
    expect(token).not.toBeNull();
    expect(opensslTokenVerifies(token!, signatureValue, server.tsa)).toBe(true);
    // The token of this signature does not vouch for another signature value.
    expect(opensslTokenVerifies(token!, Buffer.from(signatureValue).toReversed(), server.tsa)).toBe(false);
    const [check] = await checkPdfSignatures(sealed);
    expect(check).toMatchObject({ cryptographicallyValid: true, problems: [], timestamp: { authority: 'C=SE, O=Test-TSA, CN=Test-TSA tidsstämpel', valid: true } });
    expect(Date.parse(check!.timestamp!.time)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('seals without a timestamp while the authority is down, and a later document timestamp adds it without breaking the seal or PDF/A', async () => {
    server.down = true;
    let sealed: Buffer;
    try {
      sealed = await sealPdf(await archivedPdf('Ekonomisystem'), new PadesSigner(seal, tsa), sealOptions);
      expect(signatureTimestampOf(sealed).token).toBeNull();
      expect(pdfsig(sealed)).toContain('Signature is Valid');
      await expect(addDocumentTimestamp(sealed, tsa, 'Testkommun')).rejects.toThrow(/HTTP 503/);
    } finally {
      server.down = false;
    }
    const [untimed] = await checkPdfSignatures(sealed);
    expect(untimed).toMatchObject({ cryptographicallyValid: true, timestamp: null });
    const stamped = await addDocumentTimestamp(sealed, tsa, 'Testkommun');
    expect(stamped.subarray(0, sealed.length).equals(sealed)).toBe(true);
    expect(opensslTimestampVerifies(stamped, server.tsa)).toBe(true);
    const checks = await checkPdfSignatures(stamped);
    expect(checks.map((check) => [check.kind, check.cryptographicallyValid])).toEqual([['signature', true], ['timestamp', true]]);
    expect(checks[1]!.timestamp).toMatchObject({ authority: 'C=SE, O=Test-TSA, CN=Test-TSA tidsstämpel', valid: true });
    expect(pdfsig(stamped)).toContain('Signature is Valid');
    const facts = pdfaFacts(stamped);
    expect(facts.xmp).toMatchObject({ part: '2', conformance: 'B' });
    expect(facts.lastTrailerHasId).toBe(true);
  });
});
