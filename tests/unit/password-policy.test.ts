import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../server/auth/password-policy';

describe('the password policy', () => {
  it('accepts a long passphrase', async () => {
    expect(await passwordProblems('Korv med bröd i Linköping', { email: 'anna.svensson@kommun.se', currentPassword: 'gammalt-lösenord-1' })).toEqual([]);
    expect(await passwordProblems('test-admin-password')).toEqual([]);
  });

  it('counts characters, not UTF-16 units, for the length', async () => {
    expect(await passwordProblems('åäöåäöåäöåä')).toEqual(['password_too_short']);
    expect(await passwordProblems('x'.repeat(257))).toEqual(['password_too_long']);
  });

  it('refuses repeated characters and short repeated patterns', async () => {
    expect(await passwordProblems('aaaaaaaaaaaa')).toContain('password_repeated');
    expect(await passwordProblems('abcabcabcabc')).toContain('password_repeated');
    expect(await passwordProblems('\t'.repeat(6) + ' '.repeat(6))).toEqual(['password_only_whitespace']);
  });

  it('refuses runs of the alphabet, digits and keyboard rows, either way and wrapping', async () => {
    for (const run of ['abcdefghijkl', 'lkjihgfedcba', '123456789012', '890123456789', 'qwertyuiopåa', 'asdfghjklöäz', '1qaz2wsx3edc']) {
      expect(await passwordProblems(run), run).toContain('password_sequential');
    }
  });

  it('refuses the common-password list, also with digits or punctuation around a common word', async () => {
    expect(await passwordProblems('iloveyou1234')).toContain('password_common');
    expect(await passwordProblems('Sunshine2026!')).toContain('password_common');
  });

  it('refuses the e-mail address, its name part and the current password', async () => {
    const context = { email: 'anna.svensson@kommun.se', currentPassword: 'Tidigare lösenfras' };
    expect(await passwordProblems('anna.svensson@kommun.se', context)).toContain('password_is_email');
    expect(await passwordProblems('Anna.Svensson', context)).toContain('password_is_email');
    expect(await passwordProblems('annasvensson2026', context)).toContain('password_is_email');
    expect(await passwordProblems('Tidigare lösenfras', context)).toEqual(['password_is_current']);
  });
});
