import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { createLogger } from '../../../server/log';
import { renderPdf } from '../../../server/pdf/render-pdf';
import { loadSeal } from '../../../server/sealing/load-seal';
import { PadesSigner } from '../../../server/sealing/pades-signer';
import type { SealMaterial } from '../../../server/sealing/seal-material';
import { sealPdf } from '../../../server/sealing/seal-pdf';
import { checkPdfSignature } from '../../../server/sealing/verify-pdf';
import { opensslCmsPrint, opensslCmsVerify, pdfsig, withOneByteChanged } from '../../support/pdf-tools';
import { scratchFolder } from '../../support/scratch-folder';

const logger = createLogger('silent');
const sealOptions = { signingTime: new Date('2026-11-23T10:00:00Z'), name: 'Testkommun', reason: 'Fastställt protokoll', location: 'Sigill', contactInfo: 'test' };

async function smallPdf(): Promise<Buffer> {
  const now = new Date('2026-11-23T10:00:00Z');
  return renderPdf({
    info: { title: 'Test', author: 'Sigill', subject: 'Test', creator: 'Sigill', producer: 'Sigill', creationDate: now, modDate: now },
    language: 'sv-SE',
    tagged: true,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'DejaVuSans' },
    styles: {},
    footer: (page, count) => `Sida ${page} av ${count}`,
    content: ['Informationsklassning för Ekonomisystemet – åäö ÅÄÖ ✓ ☐'],
  });
}

const scratch: (() => void)[] = [];

/** A data folder of this file's own, removed after its tests. */
function tempDir(): string {
  const { folder, remove } = scratchFolder('sigill-seal-');
  scratch.push(remove);
  return folder;
}

let development: SealMaterial;
let sealed: Buffer;

beforeAll(async () => {
  development = await loadSeal(loadConfig({ SIGILL_DATA_DIR: tempDir() }), logger);
  sealed = await sealPdf(await smallPdf(), new PadesSigner(development), sealOptions);
});
afterAll(() => {
  for (const remove of scratch.splice(0)) remove();
});

describe('the seal', { timeout: 30_000 }, () => {
  it('is a PAdES B-B signature that pdfsig and openssl accept', () => {
    const report = pdfsig(sealed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(opensslCmsVerify(sealed).ok).toBe(true);
    const cms = opensslCmsPrint(sealed);
    expect(cms).toContain('contentType');
    expect(cms).toContain('messageDigest');
    expect(cms).toContain('signingCertificateV2');
    expect(cms).not.toContain('signingTime');
  });

  it('is found broken by pdfsig, openssl and our verifier after one byte changes', async () => {
    const modified = withOneByteChanged(sealed);
    expect(pdfsig(modified)).toContain('Digest Mismatch');
    expect(opensslCmsVerify(modified).ok).toBe(false);
    const ours = await checkPdfSignature(modified);
    expect(ours).toMatchObject({ signed: true, cryptographicallyValid: false, coversWholeFile: true });
    expect(await checkPdfSignature(sealed)).toMatchObject({ signed: true, cryptographicallyValid: true, coversWholeFile: true, subFilter: 'ETSI.CAdES.detached', signingTime: '2026-11-23T10:00:00.000Z' });
  });

  it('reports bytes appended after sealing as not covering the whole file', async () => {
    const appended = Buffer.concat([sealed, Buffer.from('\n% tillagt efteråt\n')]);
    expect(await checkPdfSignature(appended)).toMatchObject({ cryptographicallyValid: true, coversWholeFile: false });
    expect((await checkPdfSignature(await smallPdf())).signed).toBe(false);
  });

  it('keeps the development certificate across starts and names it as this seal', async () => {
    const dataDir = tempDir();
    const first = await loadSeal(loadConfig({ SIGILL_DATA_DIR: dataDir }), logger);
    const second = await loadSeal(loadConfig({ SIGILL_DATA_DIR: dataDir }), logger);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(first.development).toBe(true);
    expect((await checkPdfSignature(sealed)).certificate?.fingerprint).toBe(development.fingerprint);
  });

  it('seals with a PKCS#12 file or a PEM key and chain made by openssl', async () => {
    const folder = tempDir();
    const key = path.join(folder, 'key.pem');
    const certificate = path.join(folder, 'cert.pem');
    const p12 = path.join(folder, 'seal.p12');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', certificate, '-days', '30', '-subj', '/C=SE/O=Testkommun/CN=Testkommun sigill'], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', certificate, '-out', p12, '-passout', 'pass:hemligt'], { stdio: 'ignore' });
    const fromP12 = await loadSeal(loadConfig({ SIGILL_DATA_DIR: folder, SIGILL_SEAL_P12: p12, SIGILL_SEAL_PASSPHRASE: 'hemligt' }), logger);
    const fromPem = await loadSeal(loadConfig({ SIGILL_DATA_DIR: folder, SIGILL_SEAL_KEY: key, SIGILL_SEAL_CERT: certificate }), logger);
    expect(fromP12.fingerprint).toBe(fromPem.fingerprint);
    expect(fromP12.development).toBe(false);
    const withEc = await sealPdf(await smallPdf(), new PadesSigner(fromP12), sealOptions);
    expect(pdfsig(withEc)).toContain('Signature is Valid');
    expect(opensslCmsVerify(withEc).ok).toBe(true);
    await expect(loadSeal(loadConfig({ SIGILL_DATA_DIR: folder, SIGILL_SEAL_P12: p12, SIGILL_SEAL_PASSPHRASE: 'fel' }), logger)).rejects.toThrow(/./);
  });
});
