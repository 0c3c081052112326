import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { resolveClientAddress } from './trusted-proxy';

/** The one answer to "who sent this request": throttles, audit events and logs all ask here. */
export function clientAddress(c: Context<AppEnv>): string {
  const { trustProxy } = c.get('deps').config;
  return resolveClientAddress(trustProxy, c.env?.incoming?.socket.remoteAddress, c.req.header('x-forwarded-for'));
}

/**
 * The origin browsers see. Behind a TLS-terminating proxy the socket speaks plain http to a host
 * name the proxy chose, so the configured public URL is the authority whenever it is set.
 */
export function publicOrigin(c: Context<AppEnv>): string {
  return c.get('deps').config.publicOrigin ?? new URL(c.req.url).origin;
}

/** Whether browsers reach Sigill over https: decides the Secure cookie flag and HSTS. */
export function servedOverHttps(c: Context<AppEnv>): boolean {
  return publicOrigin(c).startsWith('https:');
}
