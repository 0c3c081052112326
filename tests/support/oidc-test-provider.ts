import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { type KoaContext, Provider } from 'oidc-provider';

/**
 * A real OpenID Provider (panva's oidc-provider) on 127.0.0.1 and a free port, with one
 * confidential client and accounts whose claims (groups included) the test can change.
 * `tamper` rewrites the next ID tokens on their way out of the token endpoint — as a man in
 * the middle would, or a provider answering for another client — so the RP's checks are tested
 * against the real flow: signature, audience, nonce.
 */
export type Tamper = 'none' | 'payload' | 'audience' | 'nonce';

export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
}

export class TestOpenIdProvider {
  readonly clientId = 'sigill-test';
  readonly clientSecret = 'test-client-secret-4f1c0e';
  readonly accounts = new Map<string, TestAccount>();
  tamper: Tamper = 'none';
  private handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  private signingKey: JWK | undefined;

  private constructor(private readonly server: Server, readonly issuer: string) {}

  static async listen(): Promise<TestOpenIdProvider> {
    let op: TestOpenIdProvider | undefined;
    const server = createServer((request, response) => {
      if (op?.handler) return op.handler(request, response);
      response.writeHead(503).end('not configured yet');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    op = new TestOpenIdProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return op;
  }

  /** Builds the provider once the relying party's redirect URI is known. */
  async configure(redirectUri: string, postLogoutRedirectUri: string): Promise<void> {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    this.signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    const provider = new Provider(this.issuer, {
      clients: [{
        client_id: this.clientId,
        client_secret: this.clientSecret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      }],
      jwks: { keys: [this.signingKey] },
      cookies: { keys: ['test-cookie-key-1'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
      scopes: ['openid', 'email', 'profile', 'groups'],
      // Claims in the ID token itself, as Entra ID sends groups.
      conformIdTokenClaims: false,
      findAccount: (_ctx: unknown, id: string) => {
        const account = this.accounts.get(id);
        return account ? { accountId: id, claims: () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: [...account.groups] }) } : undefined;
      },
      // A first-party client: no consent screen.
      loadExistingGrant: async (ctx: KoaContext) => {
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope('openid email profile groups');
        await grant.save();
        return grant;
      },
      features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && body?.id_token && this.tamper !== 'none') ctx.body = { ...body, id_token: await this.rewrite(body.id_token) };
    });
    this.handler = provider.callback();
  }

  private async rewrite(idToken: string): Promise<string> {
    const claims = decodeJwt(idToken);
    if (this.tamper === 'payload') {
      // Claims changed after signing: the signature no longer covers them.
      const [header, , signature] = idToken.split('.');
      const payload = Buffer.from(JSON.stringify({ ...claims, groups: ['sigill-admins'] })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    }
    const changed = this.tamper === 'audience' ? { ...claims, aud: 'another-client' } : { ...claims, nonce: 'not-the-nonce-sigill-sent' };
    // Re-signed with the provider's own key: only the claim checks can catch it.
    return new SignJWT(changed).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(await importJWK(this.signingKey!, 'RS256'));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
