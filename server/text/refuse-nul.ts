import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-context';
import { AppError } from '../errors';

/**
 * PostgreSQL cannot store U+0000 in text, and no person types it: a NUL anywhere in a request's
 * path, query or JSON body is refused on both engines alike, naming where it was, before a
 * handler runs. Bodies other than JSON (PDFs to verify, spreadsheets to import) are binary and
 * pass untouched.
 */
const message = 'contains a NUL character (U+0000), which cannot be stored';

/** A `\u0000` escape in JSON text that is not itself an escaped backslash followed by "u0000". */
const escapedNul = /(?<!\\)(?:\\\\)*\\u0000/i;

export const refuseNulCharacters: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (/%00|\0/i.test(c.req.path)) throw refusal('path');
  const query = new URL(c.req.url).searchParams;
  for (const [name, value] of query) if (name.includes('\0') || value.includes('\0')) throw refusal(`query.${name.replaceAll('\0', '')}`);
  if (isJson(c.req.header('content-type'))) {
    const text = await c.req.text();
    if (escapedNul.test(text)) {
      const field = nulPath(parseOrNull(text), 'body');
      // Malformed JSON with the escape in it is left to the JSON validator's own error.
      if (field) throw refusal(field);
    }
  }
  return next();
};

function isJson(type: string | undefined): boolean {
  return type !== undefined && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type);
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The dotted path of the first string or key holding a NUL, or null; iterative, as a hostile body may nest deeply. */
function nulPath(root: unknown, rootPath: string): string | null {
  const pending: [unknown, string][] = [[root, rootPath]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, at] = next;
    if (typeof value === 'string' && value.includes('\0')) return at;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value).toReversed()) {
      const here = `${at}.${key.replaceAll('\0', '')}`;
      if (key.includes('\0')) return here;
      pending.push([child, here]);
    }
  }
  return null;
}

function refusal(field: string): AppError {
  return new AppError('validation_failed', `The request ${message}`, [{ field, message, code: 'nul_character' }]);
}
