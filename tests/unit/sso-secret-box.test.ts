import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from '../../server/sso/secret-box';

const folders: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-secret-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the OIDC client secret at rest', () => {
  it('round-trips, never holds the secret in clear, and differs each time it is sealed', () => {
    const dir = dataDir();
    const first = sealSecret(dir, 'hemligt-värde-123');
    const second = sealSecret(dir, 'hemligt-värde-123');
    expect(first).not.toContain('hemligt');
    expect(first).not.toBe(second);
    expect(openSecret(dir, first)).toBe('hemligt-värde-123');
    expect(fs.statSync(path.join(dir, 'sso-secret.key')).mode & 0o077).toBe(0);
  });

  it('refuses a sealed value that was altered, or opened with another installation’s key', () => {
    const dir = dataDir();
    const sealed = sealSecret(dir, 'hemligt');
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openSecret(dir, `v1:${bytes.toString('base64')}`)).toThrow('Unsupported state or unable to authenticate data');
    expect(() => openSecret(dataDir(), sealed)).toThrow('Unsupported state or unable to authenticate data');
  });
});
