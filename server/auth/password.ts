import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

const fixedParams = { r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const keyLength = 32;

/**
 * scrypt's cost for new hashes: SIGILL_PASSWORD_SCRYPT_N, set once at start (configurePasswordHashing).
 * Every hash carries its own parameters, so raising the cost never locks anyone out.
 */
let costN = 32768;
let unusableHash: Promise<string> | undefined;

export function configurePasswordHashing(scryptN: number): void {
  if (scryptN === costN) return;
  costN = scryptN;
  unusableHash = undefined;
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$key`, base64: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: costN, ...fixedParams });
  return ['scrypt', costN, fixedParams.r, fixedParams.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: fixedParams.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password at the current cost: checking an unknown e-mail against it costs the same time as a real one. */
export function unusablePasswordHash(): Promise<string> {
  unusableHash ??= hashPassword(randomBytes(32).toString('base64'));
  return unusableHash;
}
