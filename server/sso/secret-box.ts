import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The OIDC client secret is stored encrypted (AES-256-GCM) with a key kept in the data folder,
 * so the database file or a dump of it alone does not hand out the secret. Like the development
 * seal, the key travels inside `npm run backup` files, so treat those as secret. Several
 * processes on one database share the data folder and so the key.
 */
const keyFileName = 'sso-secret.key';
const prefix = 'v1:';

function loadKey(dataDir: string): Buffer {
  const file = path.join(dataDir, keyFileName);
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process (or an earlier start) made it first: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}

export function sealSecret(dataDir: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', loadKey(dataDir), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return prefix + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

export function openSecret(dataDir: string, stored: string): string {
  if (!stored.startsWith(prefix)) throw new Error('unknown secret format');
  const bytes = Buffer.from(stored.slice(prefix.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', loadKey(dataDir), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
