import { afterEach, describe, expect, it } from 'vitest';
import { configurePasswordHashing, hashPassword, unusablePasswordHash, verifyPassword } from '../../server/auth/password';
import { ConfigError, loadConfig } from '../../server/config';

/** The test suites hash at a lower cost (SIGILL_PASSWORD_SCRYPT_N in vite.config.ts); production keeps scrypt's 32768. */

const costOf = (hash: string) => Number(hash.split('$')[1]);

afterEach(() => {
  configurePasswordHashing(loadConfig({}).passwordScryptN);
});

describe('the password hashing cost', () => {
  it('is 32768 unless configured, and only a power of two from 4096 to 2^20 is accepted', () => {
    expect(loadConfig({}).passwordScryptN).toBe(32768);
    expect(loadConfig({ SIGILL_PASSWORD_SCRYPT_N: '4096' }).passwordScryptN).toBe(4096);
    for (const refused of ['1024', '5000', '2097152', 'many']) {
      expect(() => loadConfig({ SIGILL_PASSWORD_SCRYPT_N: refused }), refused).toThrow(ConfigError);
    }
  });

  it('applies to new hashes, while a stored hash keeps verifying at the cost it was made with', async () => {
    configurePasswordHashing(4096);
    const cheap = await hashPassword('ett långt lösenord');
    const unknownAtLowCost = await unusablePasswordHash();
    configurePasswordHashing(32768);
    const strong = await hashPassword('ett långt lösenord');
    expect([costOf(cheap), costOf(strong), costOf(unknownAtLowCost), costOf(await unusablePasswordHash())]).toEqual([4096, 32768, 4096, 32768]);
    expect(await verifyPassword('ett långt lösenord', cheap)).toBe(true);
    expect(await verifyPassword('ett långt lösenord', strong)).toBe(true);
    expect(await verifyPassword('ett annat lösenord', cheap)).toBe(false);
  });
});
