import { describe, expect, it } from 'vitest';
import { extractSignature } from '../../support/pdf-tools';

/** A signature field as a sealed PDF holds it: the DER in hex, padded with zeros to the placeholder's size. */
function signedPdf(der: Buffer, padTo = 64): Buffer {
  const hex = der.toString('hex').padEnd(padTo * 2, '0');
  const before = '%PDF-1.7\n/ByteRange [0 0000000040 0000000000 0000000010] /Contents <';
  const head = `${before.replace('0000000040', String(before.length - 1).padStart(10, '0'))}`;
  const gapEnd = head.length + hex.length + 1;
  const withRange = head.replace('0000000000', String(gapEnd).padStart(10, '0'));
  return Buffer.from(`${withRange}${hex}>\n%%EOF\n`, 'latin1');
}

describe('the outside checks read the signature out of its padded /Contents', () => {
  it('keeps a DER whose last bytes are zero (one signature in 256 ends in 0x00)', () => {
    const der = Buffer.from([0x30, 0x05, 0x02, 0x03, 0x01, 0x00, 0x00]);
    expect(extractSignature(signedPdf(der)).der).toEqual(der);
  });

  it('reads a long-form DER length', () => {
    const body = Buffer.alloc(300, 0x41);
    const der = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x2c]), body]);
    expect(extractSignature(signedPdf(der, 400)).der).toEqual(der);
  });
});
