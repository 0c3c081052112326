import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inScratchFolder } from './scratch-folder';

/** Outside checks of a PDF with poppler and OpenSSL, as a reader of a protocol would make them; each tool's files are removed when it is done. */

function withFile<T>(name: string, data: Uint8Array, run: (file: string) => T): T {
  return inScratchFolder('sigill-pdf-', (folder) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, data);
    return run(file);
  });
}

export function pdfsig(pdf: Uint8Array): string {
  return withFile('protocol.pdf', pdf, (file) => {
    const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`;
  });
}

/** The text, or with `area` (in points from the top left) only what lies inside it, e.g. a page's body without its header and footer. */
export function pdftotext(pdf: Uint8Array, area?: { x: number; y: number; width: number; height: number }): string {
  const crop = area ? ['-x', String(area.x), '-y', String(area.y), '-W', String(area.width), '-H', String(area.height)] : [];
  return withFile('protocol.pdf', pdf, (file) => execFileSync('pdftotext', [...crop, file, '-'], { encoding: 'utf8' }));
}

/** The first page as PNG at a low resolution, for comparing layouts. */
export function firstPagePng(pdf: Uint8Array, dpi = 50): Buffer {
  return withFile('protocol.pdf', pdf, (input) => {
    const prefix = path.join(path.dirname(input), 'page');
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', input, prefix]);
    return fs.readFileSync(`${prefix}.png`);
  });
}

/** The signed byte ranges and the DER CMS from the last signature, read straight from the bytes. */
export function extractSignature(pdf: Uint8Array): { signedBytes: Buffer; der: Buffer } {
  const buffer = Buffer.from(pdf);
  const text = buffer.toString('latin1');
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches.at(-1);
  if (!last) throw new Error('no signature');
  const [a, b, c, d] = last.slice(1).map(Number) as [number, number, number, number];
  const contents = Buffer.from(text.slice(a + b + 1, c - 1), 'hex');
  return { signedBytes: Buffer.concat([buffer.subarray(a, a + b), buffer.subarray(c, c + d)]), der: contents.subarray(0, derLength(contents)) };
}

/**
 * The length of the DER value at the start of the padded /Contents, read from its own header. Stripping
 * trailing zero bytes instead cut every signature whose last byte is 0x00 (about one in 256).
 */
function derLength(bytes: Buffer): number {
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const lengthBytes = first & 0x7f;
  let length = 0;
  for (let index = 0; index < lengthBytes; index += 1) length = length * 256 + bytes[2 + index]!;
  return 2 + lengthBytes + length;
}

/** `openssl cms -verify` of the detached signature over its byte ranges; the chain is not judged. */
export function opensslCmsVerify(pdf: Uint8Array): { ok: boolean; output: string } {
  const { signedBytes, der } = extractSignature(pdf);
  return inScratchFolder('sigill-pdf-', (folder) => {
    const signature = path.join(folder, 'signature.der');
    const content = path.join(folder, 'content.bin');
    fs.writeFileSync(signature, der);
    fs.writeFileSync(content, signedBytes);
    const result = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', signature, '-content', content, '-noverify', '-out', os.devNull], { encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  });
}

/** The CMS structure as OpenSSL prints it, to read the signed attributes. */
export function opensslCmsPrint(pdf: Uint8Array): string {
  return withFile('signature.der', extractSignature(pdf).der, (signature) => execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', signature], { encoding: 'utf8' }));
}

export function withOneByteChanged(pdf: Uint8Array, at = 400): Buffer {
  const copy = Buffer.from(pdf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/**
 * A tagged PDF's structure as poppler reads it: each element's role in reading order, and with
 * `withText` its text (`pdfinfo -struct-text`, which takes about a minute for a long protocol,
 * so only for short documents).
 */
export interface StructureElementText {
  role: string;
  text: string;
}

export function pdfStructure(pdf: Uint8Array, { withText = false } = {}): { tagged: boolean; elements: StructureElementText[] } {
  return withFile('protocol.pdf', pdf, (file) => {
    const tagged = /^Tagged:\s+yes$/m.test(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    const elements: StructureElementText[] = [];
    for (const line of execFileSync('pdfinfo', [withText ? '-struct-text' : '-struct', file], { encoding: 'utf8' }).split('\n')) {
      const role = /^\s*(\w+)(?: \(\w+\))?$/.exec(line)?.[1];
      if (role) elements.push({ role, text: '' });
      const quoted = /^\s+"(.*)"$/.exec(line)?.[1];
      const last = elements.at(-1);
      if (quoted !== undefined && last) last.text += quoted;
    }
    return { tagged, elements };
  });
}
