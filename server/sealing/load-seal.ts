import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../log';
import { certificateInfo } from './certificate-info';
import { createDevelopmentCertificate } from './dev-certificate';
import { readPkcs12 } from './pkcs12';
import type { SealMaterial } from './seal-material';

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function certificatesFromPem(text: string): Uint8Array[] {
  return (text.match(pemBlock) ?? []).map((block) => new Uint8Array(new X509Certificate(block).raw));
}

/** The seal certificate first (the one that matches the key), then the rest of the chain as given. */
function orderChain(privateKeyPkcs8: Uint8Array, certificates: Uint8Array[]): Uint8Array[] {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8), format: 'der', type: 'pkcs8' });
  const leaf = certificates.find((der) => new X509Certificate(der).checkPrivateKey(key));
  if (!leaf) throw new Error('No certificate in the seal settings matches the private key');
  return [leaf, ...certificates.filter((der) => der !== leaf)];
}

function material(privateKeyPkcs8: Uint8Array, certificates: Uint8Array[], development: boolean): SealMaterial {
  const chain = orderChain(privateKeyPkcs8, certificates);
  const info = certificateInfo(chain[0]!);
  return { privateKeyPkcs8, chain, development, fingerprint: info.fingerprint, subject: info.subject };
}

export function developmentSealFolder(dataDir: string): string {
  return path.join(dataDir, 'seal');
}

/** Reads the development certificate made on an earlier start, or makes and keeps one. */
async function developmentSeal(config: Config, logger: Logger): Promise<SealMaterial> {
  const folder = developmentSealFolder(config.dataDir);
  const keyFile = path.join(folder, 'development-key.pem');
  const certificateFile = path.join(folder, 'development-certificate.pem');
  if (!fs.existsSync(keyFile) || !fs.existsSync(certificateFile)) {
    const made = await createDevelopmentCertificate(config.organisationName);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const keyPem = createPrivateKey({ key: Buffer.from(made.privateKeyPkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' });
    fs.writeFileSync(keyFile, keyPem, { mode: 0o600 });
    fs.writeFileSync(certificateFile, new X509Certificate(made.certificate).toString());
    logger.warn('no seal certificate is configured: created a self-signed development certificate; protocols will say they are sealed with it', { certificateFile });
  } else {
    logger.warn('no seal certificate is configured: sealing with the development certificate in the data folder', { certificateFile });
  }
  const key = createPrivateKey(fs.readFileSync(keyFile));
  return material(new Uint8Array(key.export({ format: 'der', type: 'pkcs8' })), certificatesFromPem(fs.readFileSync(certificateFile, 'utf8')), true);
}

/**
 * The organisation's seal from configuration: a PKCS#12 file with its passphrase, or a PEM key and
 * a PEM certificate chain. Without either, the development certificate (made on first start).
 */
export async function loadSeal(config: Config, logger: Logger): Promise<SealMaterial> {
  const { seal } = config;
  if (seal.p12File) {
    const read = await readPkcs12(new Uint8Array(fs.readFileSync(seal.p12File)), seal.passphrase ?? '');
    const loaded = material(read.privateKeyPkcs8, read.certificates, false);
    logger.info('seal certificate loaded from PKCS#12', { subject: loaded.subject });
    return loaded;
  }
  if (seal.keyFile && seal.certificateFile) {
    const key = createPrivateKey({ key: fs.readFileSync(seal.keyFile), ...(seal.passphrase ? { passphrase: seal.passphrase } : {}) });
    const loaded = material(new Uint8Array(key.export({ format: 'der', type: 'pkcs8' })), certificatesFromPem(fs.readFileSync(seal.certificateFile, 'utf8')), false);
    logger.info('seal certificate loaded from PEM', { subject: loaded.subject });
    return loaded;
  }
  return developmentSeal(config, logger);
}
