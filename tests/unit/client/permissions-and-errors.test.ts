import { describe, expect, expectTypeOf, it } from 'vitest';
import { keyByCode } from '../../../client/i18n/api-errors';
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
});
