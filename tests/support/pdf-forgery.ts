import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { certificateInfo } from '../../server/sealing/certificate-info';
import { certificatesFromPem } from '../../server/sealing/load-seal';
import { PadesSigner } from '../../server/sealing/pades-signer';
import type { SealMaterial } from '../../server/sealing/seal-material';
import { sealPdf } from '../../server/sealing/seal-pdf';
import { inScratchFolder, scratchFolder } from './scratch-folder';

/**
 * What a forger does to a sealed protocol, with real tools and honest PDF syntax: an incremental
 * update written by hand (new objects, a new xref section, a trailer pointing at the previous one),
 * a new seal added with @signpdf's placeholder and our own PAdES signer, and certificates made by
 * openssl. Each function returns a new file; the input is never changed.
 */

export interface UpdateObject {
  number: number;
  /** Everything between "N 0 obj" and "endobj". */
  body: string;
}

function lastTrailer(text: string): { size: number; root: string; info: string | null; startxref: number } {
  const trailerAt = text.lastIndexOf('trailer');
  const trailer = text.slice(trailerAt, text.indexOf('>>', trailerAt) + 2);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1] ?? null;
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  if (!size || !root || Number.isNaN(startxref)) throw new Error('no classic trailer at the end of the file');
  return { size, root, info, startxref };
}

/** The next free object number of the newest revision. */
export function nextObjectNumber(pdf: Buffer): number {
  return lastTrailer(pdf.toString('latin1')).size;
}

/** Appends one incremental update: the objects, an xref section listing exactly them, a trailer with /Prev. */
export function appendIncrementalUpdate(pdf: Buffer, objects: UpdateObject[]): Buffer {
  const text = pdf.toString('latin1');
  const previous = lastTrailer(text);
  const parts: Buffer[] = [pdf, Buffer.from('\n', 'latin1')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  for (const object of objects) {
    const chunk = Buffer.from(`${object.number} 0 obj\n${object.body}\nendobj\n`, 'latin1');
    offsets.set(object.number, offset);
    parts.push(chunk);
    offset += chunk.length;
  }
  const xrefAt = offset;
  const sections = [...offsets.entries()].sort((a, b) => a[0] - b[0]).map(([number, at]) => `${number} 1\n${String(at).padStart(10, '0')} 00000 n \n`);
  const size = Math.max(previous.size, ...objects.map((object) => object.number + 1));
  const trailer = `/Size ${size}\n/Root ${previous.root}\n${previous.info ? `/Info ${previous.info}\n` : ''}/Prev ${previous.startxref}`;
  parts.push(Buffer.from(`xref\n0 1\n0000000000 65535 f \n${sections.join('')}trailer\n<<\n${trailer}\n>>\nstartxref\n${xrefAt}\n%%EOF`, 'latin1'));
  return Buffer.concat(parts);
}

/** PNG "Up" prediction of fixed-width rows, as /DecodeParms << /Predictor 12 /Columns n >> undoes it. */
function pngUp(rows: Buffer[]): Buffer {
  return Buffer.concat(rows.map((row, index) => Buffer.concat([Buffer.from([2]), Buffer.from(row.map((byte, column) => (byte - (index > 0 ? rows[index - 1]![column]! : 0)) & 0xff))])));
}

/**
 * Appends an incremental update in the PDF 1.5 style: the objects (plain, or packed into one new
 * object stream) and a cross-reference stream (/W [1 4 2], Flate with a PNG predictor) as its trailer.
 */
export function appendXrefStreamUpdate(pdf: Buffer, plain: UpdateObject[], packed: UpdateObject[] = []): Buffer {
  const previous = lastTrailer(pdf.toString('latin1'));
  let number = Math.max(previous.size, ...[...plain, ...packed].map((object) => object.number + 1));
  const rows = new Map<number, Buffer>();
  const parts: Buffer[] = [pdf, Buffer.from('\n', 'latin1')];
  let offset = pdf.length + 1;
  const write = (objectNumber: number, text: Buffer) => {
    rows.set(objectNumber, Buffer.from([1, (offset >>> 24) & 0xff, (offset >>> 16) & 0xff, (offset >>> 8) & 0xff, offset & 0xff, 0, 0]));
    parts.push(text);
    offset += text.length;
  };
  for (const object of plain) write(object.number, Buffer.from(`${object.number} 0 obj\n${object.body}\nendobj\n`, 'latin1'));
  if (packed.length > 0) {
    const streamNumber = number++;
    const bodies = packed.map((object) => `${object.body}\n`);
    const header = packed.map((object, index) => `${object.number} ${bodies.slice(0, index).join('').length}`).join(' ') + '\n';
    const content = header + bodies.join('');
    write(streamNumber, Buffer.from(`${streamNumber} 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${header.length} /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`, 'latin1'));
    packed.forEach((object, index) => rows.set(object.number, Buffer.from([2, (streamNumber >>> 24) & 0xff, (streamNumber >>> 16) & 0xff, (streamNumber >>> 8) & 0xff, streamNumber & 0xff, 0, index])));
  }
  const xrefNumber = number++;
  const xrefAt = offset;
  rows.set(xrefNumber, Buffer.from([1, (xrefAt >>> 24) & 0xff, (xrefAt >>> 16) & 0xff, (xrefAt >>> 8) & 0xff, xrefAt & 0xff, 0, 0]));
  const sorted = [...rows.entries()].sort((a, b) => a[0] - b[0]);
  const data = zlib.deflateSync(pngUp(sorted.map(([, row]) => row)));
  const index = sorted.map(([objectNumber]) => `${objectNumber} 1`).join(' ');
  const dictionary = `<< /Type /XRef /Size ${number} /Root ${previous.root}${previous.info ? ` /Info ${previous.info}` : ''} /Prev ${previous.startxref} /W [1 4 2] /Index [${index}]`
    + ` /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length ${data.length} >>`;
  parts.push(Buffer.from(`${xrefNumber} 0 obj\n${dictionary}\nstream\n`, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF`, 'latin1'));
  return Buffer.concat(parts);
}

/** The first page's object number and its newest dictionary text, read the way a forger would. */
export function firstPage(pdf: Buffer): { number: number; body: string } {
  const text = pdf.toString('latin1');
  const kids = /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[\s*(\d+)\s+0\s+R/.exec(text);
  if (!kids) throw new Error('no page tree');
  const number = Number(kids[1]);
  const at = text.lastIndexOf(`\n${number} 0 obj`);
  const body = text.slice(text.indexOf('obj', at) + 3, text.indexOf('endobj', at)).trim();
  return { number, body };
}

/** The forgery of finding 1: an update that draws a filled red rectangle over the top of page 1. */
export function withRedBoxOnFirstPage(pdf: Buffer): Buffer {
  const page = firstPage(pdf);
  const contentNumber = nextObjectNumber(pdf);
  const drawing = 'q 0.86 0.1 0.1 rg 40 560 515 240 re f Q';
  const contents = /\/Contents\s+(\d+\s+0\s+R)/.exec(page.body);
  if (!contents) throw new Error('page 1 has no single content stream');
  const changedPage = page.body.replace(contents[0], `/Contents [${contents[1]} ${contentNumber} 0 R]`);
  return appendIncrementalUpdate(pdf, [
    { number: contentNumber, body: `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream` },
    { number: page.number, body: changedPage },
  ]);
}

/** The form a PAdES B-LT update takes: a /DSS dictionary with a certificate stream, and the catalog pointing at it. */
export function withDssUpdate(pdf: Buffer, certificateDer: Uint8Array): Buffer {
  const text = pdf.toString('latin1');
  const root = Number(lastTrailer(text).root.split(/\s+/)[0]);
  const rootAt = text.lastIndexOf(`\n${root} 0 obj`);
  const catalog = text.slice(text.indexOf('obj', rootAt) + 3, text.indexOf('endobj', rootAt)).trim();
  const first = nextObjectNumber(pdf);
  const certificate = Buffer.from(certificateDer).toString('latin1');
  return appendIncrementalUpdate(pdf, [
    { number: first, body: `<< /Length ${certificateDer.length} >>\nstream\n${certificate}\nendstream` },
    { number: first + 1, body: `<< /Type /DSS /Certs [${first} 0 R] >>` },
    { number: root, body: catalog.replace(/>>\s*$/, `/DSS ${first + 1} 0 R\n>>`) },
  ]);
}

/** Where the first signature's hex /Contents lies (without its angle brackets). */
function signatureHex(file: Buffer): { from: number; to: number } {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(file.toString('latin1'));
  if (!match) throw new Error('no signature');
  return { from: Number(match[2]) + 1, to: Number(match[3]) - 1 };
}

/** Swaps in the /Contents (the CMS) of another sealed file, keeping this file's byte range. */
export function withSignatureOf(pdf: Buffer, donor: Buffer): Buffer {
  const own = signatureHex(pdf);
  const theirs = signatureHex(donor);
  if (own.to - own.from !== theirs.to - theirs.from) throw new Error('the placeholders differ in size');
  const copy = Buffer.from(pdf);
  donor.copy(copy, own.from, theirs.from, theirs.to);
  return copy;
}

/** Hides bytes after the DER inside the signature's /Contents padding, outside the signed ranges. */
export function withPaddingPayload(pdf: Buffer, payload: string): Buffer {
  const text = pdf.toString('latin1');
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!match) throw new Error('no signature');
  const hexEnd = Number(match[3]) - 1;
  const hex = Buffer.from(payload, 'utf8').toString('hex').toUpperCase();
  const copy = Buffer.from(pdf);
  copy.write(hex, hexEnd - hex.length - 2, 'latin1');
  return copy;
}

function run(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'ignore' });
}

function materialOf(keyFile: string, certificateFiles: string[]): SealMaterial {
  const key = createPrivateKey(fs.readFileSync(keyFile));
  const chain = certificateFiles.flatMap((file) => certificatesFromPem(fs.readFileSync(file, 'utf8')));
  const leaf = certificateInfo(chain[0]!);
  return { privateKeyPkcs8: new Uint8Array(key.export({ format: 'der', type: 'pkcs8' })), chain, development: false, fingerprint: leaf.fingerprint, subject: leaf.subject };
}

/** A freshly generated self-signed RSA certificate with the subject given ("/C=SE/O=…/CN=…"). */
export function selfSignedSeal(subject: string): SealMaterial {
  return inScratchFolder('sigill-forgery-', (dir) => {
    const key = path.join(dir, 'key.pem');
    const certificate = path.join(dir, 'cert.pem');
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-keyout', key, '-out', certificate, '-days', '30', '-subj', subject]);
    return materialOf(key, [certificate]);
  });
}

/**
 * A test CA (PEM file) and a seal certificate it issued, the CA's certificate in the seal's chain.
 * The CA file stays for trust-anchor settings until the caller removes its folder.
 */
export function caAndIssuedSeal(caSubject: string, sealSubject: string, days = 30): { caPemFile: string; seal: SealMaterial; remove(): void } {
  const { folder: dir, remove } = scratchFolder('sigill-forgery-');
  try {
    const caKey = path.join(dir, 'ca-key.pem');
    const caPemFile = path.join(dir, 'ca.pem');
    const key = path.join(dir, 'seal-key.pem');
    const request = path.join(dir, 'seal.csr');
    const certificate = path.join(dir, 'seal.pem');
    const extensions = path.join(dir, 'seal.ext');
    fs.writeFileSync(extensions, 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
    run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-utf8', '-keyout', caKey, '-out', caPemFile, '-days', '365', '-subj', caSubject,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-utf8', '-keyout', key, '-out', request, '-subj', sealSubject]);
    run(['x509', '-req', '-in', request, '-CA', caPemFile, '-CAkey', caKey, '-CAcreateserial', '-out', certificate, '-days', String(days), '-extfile', extensions]);
    return { caPemFile, seal: materialOf(key, [certificate, caPemFile]), remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** A new seal over the whole file as it is, by whoever holds the material: an incremental update of its own. */
export function resealed(pdf: Buffer, seal: SealMaterial, signingTime = new Date()): Promise<Buffer> {
  return sealPdf(pdf, new PadesSigner(seal), { signingTime, name: 'Kommunen', reason: 'Fastställt protokoll', location: 'Kommunen', contactInfo: 'forfalskare' });
}
