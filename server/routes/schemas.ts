import { z } from '@hono/zod-openapi';
import { stableIdMessage, stableIdPattern } from '../../scoring/content/form-file';
import { idPattern } from '../ids';

/** A Sigill id in a path: anything else is 400 before any lookup. */
export function idParam(name: string) {
  return z.string().regex(idPattern, 'not a Sigill id').openapi({ param: { name, in: 'path' }, example: '0192f0c4-5b7e-7cc1-9a6e-3f1d2b4c5a69' });
}

/**
 * A stable content id (form, requirement) in a path. Built here rather than reusing scoring's zod
 * schema, because only schemas made after @hono/zod-openapi loads can carry OpenAPI metadata.
 */
export function stableIdParam(name: string) {
  return z.string().max(100).regex(stableIdPattern, stableIdMessage).openapi({ param: { name, in: 'path' } });
}

/** A route's JSON request or response content, as @hono/zod-openapi wants it described. */
export function json<T extends z.ZodType>(schema: T) {
  return { 'application/json': { schema } };
}

export const isoDate = z.iso.date();
export const trimmedText = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
