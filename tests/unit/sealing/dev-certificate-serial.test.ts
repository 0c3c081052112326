import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateSerial, createDevelopmentCertificate } from '../../../server/sealing/dev-certificate';

describe('the development certificate’s serial number', () => {
  it('is a positive DER INTEGER in its shortest form, whatever the first random byte', () => {
    for (let first = 0; first < 256; first += 1) {
      const random = Uint8Array.from([first, 0x05, 0xaa, 0x10]);
      const serial = certificateSerial(random);
      expect(serial[0], `first byte ${first}`).toBeGreaterThanOrEqual(0x01);
      expect(serial[0], `first byte ${first}`).toBeLessThanOrEqual(0x7f);
      expect(Array.from(serial.subarray(1))).toEqual([0x05, 0xaa, 0x10]);
    }
  });

  it.each([
    ['0x00', 0x00],
    ['0x80', 0x80],
  ])('gives a certificate OpenSSL reads when the random serial starts with %s', async (_name, first) => {
    const made = await createDevelopmentCertificate('Exempelkommun', new Date('2026-11-23T12:00:00Z'), () => Uint8Array.from([first, 0x05, ...Array.from({ length: 14 }, () => 0x11)]));
    const certificate = new X509Certificate(made.certificate);
    expect(certificate.serialNumber).toMatch(/^0?[1-7][0-9A-F]+$/);
    expect(certificate.subject).toContain('Exempelkommun');
  }, 30_000);
});
