import type { TestApp } from './test-app';

/** A browser at Sigill for the SSO API tests: the real app, with a cookie jar across redirects. */
export class SigillBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly testApp: TestApp, private readonly accept = 'application/json') {}

  async request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: this.accept, ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await this.testApp.app.request(path, { method: init.method ?? 'GET', headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(pair!.slice(0, at));
      else this.cookies.set(pair!.slice(0, at), value);
    }
    return response;
  }

  /** The logged-in session as /api/auth/me tells it, or the status when there is none. */
  async me(): Promise<{ status: number; body: { user?: { email: string; name: string }; memberships?: { organisationId: string; role: string }[]; csrfToken?: string } }> {
    const response = await this.request('/api/auth/me');
    return { status: response.status, body: (await response.json()) as never };
  }
}
