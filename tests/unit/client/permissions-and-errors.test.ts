import { describe, expect, expectTypeOf, it } from 'vitest';
import { ApiError } from '../../../client/api';
import { errorMessageKey, keyByCode } from '../../../client/i18n/api-errors';
import { format } from '../../../client/i18n/messages';
import { en } from '../../../client/i18n/messages-en';
import { sv } from '../../../client/i18n/messages-sv';
import { clientPermissions } from '../../../client/session/permissions';
import { permissions } from '../../../server/auth/permissions';
import type { ErrorCode } from '../../../server/errors';

describe('the client follows the server', () => {
  it('offers edit controls by exactly the server’s permission rows', () => {
    for (const [permission, roles] of Object.entries(clientPermissions)) {
      expect([...roles].sort(), permission).toEqual([...permissions[permission as keyof typeof permissions]].sort());
    }
  });

  it('has words for every API error code, in Swedish and English, and for no other', () => {
    expectTypeOf<keyof typeof keyByCode>().toEqualTypeOf<ErrorCode>();
    for (const key of Object.values(keyByCode)) {
      expect(sv[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
      expect(sv[key]).not.toBe(en[key]);
    }
  });

  it('says what went wrong in the user’s language, never in the server’s English words', () => {
    const refused = new ApiError(403, 'forbidden', 'Your roles do not allow assessment.edit here');
    expect(format('sv', errorMessageKey(refused))).toBe('Du har inte behörighet att göra det här.');
    expect(format('en', errorMessageKey(refused))).toBe('You are not allowed to do this.');
    expect(format('sv', errorMessageKey(new ApiError(500, 'something_new', 'Internal')))).toBe('Något gick fel på servern. Försök igen om en stund.');
    expect(format('sv', errorMessageKey(new TypeError('Failed to fetch')))).toBe('Servern gick inte att nå. Kontrollera anslutningen och försök igen.');
  });
});
