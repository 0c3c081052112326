import type { TestApp } from './test-app';

export const adminEmail = 'admin@sigill.local';
export const adminPassword = 'test-admin-password';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A logged-in (or anonymous) caller of the real app: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(private readonly testApp: TestApp) {}

  async login(email: string, password: string): Promise<ApiResponse> {
    const response = await this.request('POST', '/api/auth/login', { email, password });
    if (response.status === 200) this.csrfToken = (response.body as { csrfToken: string }).csrfToken;
    return response;
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await this.raw(method, path, body, extraHeaders);
    const text = await response.text();
    // A PDF or CSV body stays text; callers that need its bytes use raw().
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, body: (text ? (isJson ? JSON.parse(text) : text) : null) as T, headers: response.headers };
  }

  /** The response as it came, for bodies that are not JSON (CSV, PDF). */
  async raw(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    // A FormData body sets its own multipart content type, boundary included.
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] ??= 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    const response = await this.testApp.app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }
}

export async function loggedIn(testApp: TestApp, email = adminEmail, password = adminPassword): Promise<ApiClient> {
  const client = new ApiClient(testApp);
  const response = await client.login(email, password);
  if (response.status !== 200) throw new Error(`login as ${email} failed: ${JSON.stringify(response.body)}`);
  return client;
}
