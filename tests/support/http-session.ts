/** A logged-in caller of a real server over HTTP (for tests that run the server as its own process). */
export class HttpSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
    readonly organisationId: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<HttpSession> {
    const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (response.status !== 200) throw new Error(`login as ${email}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { csrfToken: string; memberships: { organisationId: string }[] };
    return new HttpSession(baseUrl, response.headers.get('set-cookie')!.split(';')[0]!, body.csrfToken, body.memberships[0]!.organisationId);
  }

  /** The session cookie, for load generators that send their own requests. */
  cookieHeader(): string {
    return this.cookie;
  }

  /** The same session against another server process on the same data (after a restart). */
  at(baseUrl: string): HttpSession {
    return new HttpSession(baseUrl, this.cookie, this.csrfToken, this.organisationId);
  }

  async send<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** A multipart form POST (fetch writes the content type and boundary). */
  async sendForm<T = Record<string, unknown>>(path: string, form: FormData): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken }, body: form });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
}
