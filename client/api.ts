import type { ApiAnswer, ApiBody, ApiMethod, ApiRoute, ApiUrl } from './contract/api';

/** A route that answers GET, named by its path ("/api/assets/:id"). */
export type GetRoute = Extract<ApiRoute, `/${string}`>;
/** A route that changes something, named with its method ("PATCH /api/plan-items/:id"). */
export type UnsafeRoute = Exclude<ApiRoute, GetRoute>;

/** The error shape every API failure has: `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: unknown };
}

// The session's CSRF token: set at login and by /auth/me, sent on every unsafe request.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

// Every request below names its route: the URL must fit it and the answer is typed from it
// (client/contract/api.ts), so no fetch here is typed by hand.
async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorEnvelope | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? response.statusText, error?.details);
  }
  return body as T;
}

export async function getJson<R extends GetRoute = never>(path: NoInfer<ApiUrl<R>>, signal?: AbortSignal): Promise<ApiAnswer<R>> {
  return parse<ApiAnswer<R>>(await fetch(path, { headers: { accept: 'application/json' }, signal }));
}

/** getJson for code generic over the route (useApi), whose caller names the route and so the type. */
export async function getUntyped(path: string, signal?: AbortSignal): Promise<unknown> {
  return parse<unknown>(await fetch(path, { headers: { accept: 'application/json' }, signal }));
}

/** An unsafe request: JSON body (when given) and the CSRF header the server demands. */
export async function sendJson<R extends UnsafeRoute = never>(
  method: NoInfer<ApiMethod<R>>,
  path: NoInfer<ApiUrl<R>>,
  body?: NoInfer<ApiBody<R>>,
): Promise<ApiAnswer<R>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return parse<ApiAnswer<R>>(response);
}

/** An unsafe request with a raw body (a PDF to verify), with the CSRF header when logged in. */
export async function sendBytes<R extends UnsafeRoute = never>(path: NoInfer<ApiUrl<R>>, body: ArrayBuffer, contentType: string): Promise<ApiAnswer<R>> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return parse<ApiAnswer<R>>(await fetch(path, { method: 'POST', headers, body }));
}

/**
 * A multipart form POST that reports how much of the body has been sent: fetch cannot, and an
 * import of several megabytes over a slow line should show that it is moving.
 */
export function sendForm<R extends UnsafeRoute = never>(
  path: NoInfer<ApiUrl<R>>,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<ApiAnswer<R>> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const body = request.status === 204 ? null : request.responseText;
      parse<ApiAnswer<R>>(new Response(body, { status: request.status, headers: { 'content-type': request.getResponseHeader('content-type') ?? '' } })).then(resolve, reject);
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'network', 'network error')));
    request.send(form);
  });
}

/** Field errors as the API reports them in error.details, when it does. */
export function fieldErrors(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (entry): entry is { field: string; message: string } =>
      typeof entry === 'object' && entry !== null && typeof (entry as { field?: unknown }).field === 'string' && typeof (entry as { message?: unknown }).message === 'string',
  );
}
