/** Test data through the real HTTP API, as the first-start admin would create it. */

export const adminEmail = 'admin@sigill.local';
export const adminPassword = 'e2e-admin-password-1';
export const userPassword = 'e2e-user-password-1';

export class HttpClient {
  private cookie = '';
  private csrf = '';
  constructor(private readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<this> {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    this.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export interface Kommun {
  admin: HttpClient;
  rootId: string;
  forvaltningId: string;
  objektledare: { email: string; password: string; client: HttpClient };
}

/** A kommun with one förvaltning and an objektledare there. */
export async function seedKommun(baseUrl: string): Promise<Kommun> {
  const admin = await new HttpClient(baseUrl).login(adminEmail, adminPassword);
  const me = await admin.request<{ memberships: { organisationId: string }[] }>('GET', '/api/auth/me');
  const rootId = me.memberships[0]!.organisationId;
  const forvaltning = await admin.request<{ id: string }>('POST', '/api/organisations', { parentId: rootId, name: 'Kommunstyrelseförvaltningen', kind: 'forvaltning' });
  const email = 'objektledare@kommun.test';
  await admin.request('POST', `/api/organisations/${forvaltning.id}/members`, { email, name: 'Olga Objektledare', password: userPassword, role: 'objektledare' });
  const client = await new HttpClient(baseUrl).login(email, userPassword);
  return { admin, rootId, forvaltningId: forvaltning.id, objektledare: { email, password: userPassword, client } };
}
