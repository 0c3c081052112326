import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { extractSignature } from './pdf-tools';
import { inScratchFolder, scratchFolder } from './scratch-folder';

/**
 * A test time-stamping authority made with openssl (a CA and a TSA certificate for timeStamping),
 * and a PAdES document timestamp (ETSI.RFC3161) added to a PDF as its own incremental update, the
 * token answered by `openssl ts -reply` — what a B-LTA update adds after the seal.
 */

export interface TestTsa {
  folder: string;
  caPemFile: string;
  config: string;
  /** Removes the authority's folder (keys, certificates, serial): call it when the test is done with it. */
  remove(): void;
}

function run(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'ignore' });
}

export function testTsa(): TestTsa {
  const { folder, remove } = scratchFolder('sigill-tsa-');
  const file = (name: string) => path.join(folder, name);
  try {
    fs.writeFileSync(file('tsa.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
    run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', file('ca-key.pem'), '-out', file('ca.pem'), '-days', '365',
      '-subj', '/C=SE/O=Test-TSA/CN=Test-TSA rot', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-utf8', '-keyout', file('tsa-key.pem'), '-out', file('tsa.csr'), '-subj', '/C=SE/O=Test-TSA/CN=Test-TSA tidsstämpel']);
    run(['x509', '-req', '-in', file('tsa.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem'), '-CAcreateserial', '-out', file('tsa.pem'), '-days', '30', '-extfile', file('tsa.ext')]);
  } catch (error) {
    remove();
    throw error;
  }
  fs.writeFileSync(file('serial'), '01\n');
  const config = file('tsa.cnf');
  fs.writeFileSync(config, [
    '[ tsa ]', 'default_tsa = tsa_config', '[ tsa_config ]', `serial = ${file('serial')}`, `signer_cert = ${file('tsa.pem')}`, `signer_key = ${file('tsa-key.pem')}`,
    `certs = ${file('ca.pem')}`, 'signer_digest = sha256', 'default_policy = 1.2.3.4.1', 'digests = sha256, sha384, sha512', 'accuracy = secs:1', 'ess_cert_id_alg = sha256', '',
  ].join('\n'));
  return { folder, caPemFile: file('ca.pem'), config, remove };
}

/** `openssl ts -reply` to a DER TimeStampReq: the whole TimeStampResp, or with `tokenOnly` just its token. */
export function opensslTsReply(tsa: TestTsa, query: Uint8Array, tokenOnly = false): Buffer {
  return inScratchFolder('sigill-tsq-', (folder) => {
    const file = (name: string) => path.join(folder, name);
    fs.writeFileSync(file('request.tsq'), query);
    run(['ts', '-reply', '-config', tsa.config, '-queryfile', file('request.tsq'), ...(tokenOnly ? ['-token_out'] : []), '-out', file('reply.der')]);
    return fs.readFileSync(file('reply.der'));
  });
}

/** Asks the openssl TSA for a token over the bytes @signpdf hands it: the byte ranges of the new revision. */
class OpensslTimestamper extends Signer {
  constructor(private readonly tsa: TestTsa) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const query = inScratchFolder('sigill-tsq-', (folder) => {
      fs.writeFileSync(path.join(folder, 'content.bin'), content);
      run(['ts', '-query', '-data', path.join(folder, 'content.bin'), '-sha256', '-cert', '-out', path.join(folder, 'request.tsq')]);
      return fs.readFileSync(path.join(folder, 'request.tsq'));
    });
    return opensslTsReply(this.tsa, query, true);
  }
}

export function withDocumentTimestamp(pdf: Buffer, tsa: TestTsa): Promise<Buffer> {
  const placeholder = plainAddPlaceholder({ pdfBuffer: pdf, reason: 'Tidsstämpel', contactInfo: 'tsa', name: 'Test-TSA', location: 'Test', signatureLength: 8192, subFilter: 'ETSI.RFC3161' });
  return new SignPdf().sign(placeholder, new OpensslTimestamper(tsa));
}

/** `openssl ts -verify` of a DER timestamp token over `data`, against the test authority's CA. */
export function opensslTokenVerifies(token: Uint8Array, data: Uint8Array, tsa: TestTsa): boolean {
  return inScratchFolder('sigill-tsv-', (folder) => {
    fs.writeFileSync(path.join(folder, 'data.bin'), data);
    fs.writeFileSync(path.join(folder, 'token.der'), token);
    try {
      run(['ts', '-verify', '-data', path.join(folder, 'data.bin'), '-in', path.join(folder, 'token.der'), '-token_in', '-CAfile', tsa.caPemFile]);
      return true;
    } catch {
      return false;
    }
  });
}

/** `openssl ts -verify` of the newest signature as a timestamp token over its byte ranges, the outside check poppler cannot make. */
export function opensslTimestampVerifies(pdf: Buffer, tsa: TestTsa): boolean {
  const { signedBytes, der } = extractSignature(pdf);
  return opensslTokenVerifies(der, signedBytes, tsa);
}
