import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-context';
import { AppError } from '../errors';
import { clientAddress } from '../proxy/request-origin';
import type { Limit } from './rate-limiter';

/** Counts the attempt before the guarded work starts; past a limit the request ends here with 429 and Retry-After. */
export async function enforceLimits(c: Context<AppEnv>, checks: readonly (readonly [Limit, string])[]): Promise<void> {
  const retryAfter = await c.get('deps').rateLimiter.consume(checks);
  if (retryAfter === 0) return;
  c.header('Retry-After', String(retryAfter));
  throw new AppError('rate_limited', `Too many attempts; try again in ${retryAfter} s`, { retryAfterSeconds: retryAfter });
}

/** A limit per client address on an anonymous route, checked before its body is read. */
export function limitPerAddress(limit: Limit): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await enforceLimits(c, [[limit, clientAddress(c)]]);
    await next();
  };
}
