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

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorEnvelope | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? response.statusText, error?.details);
  }
  return body as T;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(path, { headers: { accept: 'application/json' }, signal }));
}

export type UnsafeMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An unsafe request: JSON body (when given) and the CSRF header the server demands. */
export async function sendJson<T>(method: UnsafeMethod, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return parse<T>(response);
}

/** An unsafe request with a raw body (a PDF to verify), with the CSRF header when logged in. */
export async function sendBytes<T>(path: string, body: ArrayBuffer, contentType: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return parse<T>(await fetch(path, { method: 'POST', headers, body }));
}

/**
 * A multipart form POST that reports how much of the body has been sent: fetch cannot, and an
 * import of several megabytes over a slow line should show that it is moving.
 */
export function sendForm<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
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
      parse<T>(new Response(body, { status: request.status, headers: { 'content-type': request.getResponseHeader('content-type') ?? '' } })).then(resolve, reject);
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
