/**
 * A person at the test OpenID Provider without a browser, for the API tests: follows its
 * redirects with a cookie jar and fills its sign-in form, until it sends the person back to the
 * relying party. (The e2e test does the same in real Chromium.)
 */
export class OpUserAgent {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly issuer: string) {}

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }

  /** Signs in as the account and returns the URL the provider sends the browser back to (the RP's callback). */
  async signIn(authorizeUrl: string, accountId: string): Promise<URL> {
    let next = new URL(authorizeUrl);
    for (let step = 0; step < 12; step += 1) {
      if (next.origin !== new URL(this.issuer).origin) return next;
      const response = await this.fetch(next.href);
      const location = response.headers.get('location');
      if (location) {
        next = new URL(location, next);
        continue;
      }
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action || !html.includes('name="login"')) throw new Error(`unexpected page at ${next.href}: ${response.status} ${html.slice(0, 300)}`);
      const posted = await this.fetch(new URL(action, next).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' }).toString(),
      });
      next = new URL(posted.headers.get('location') ?? '', next);
    }
    throw new Error('the provider never sent the browser back');
  }
}
