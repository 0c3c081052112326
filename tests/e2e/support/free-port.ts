import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A port the OS calls free right now, for a server whose own address must be configured before
 * it starts (SIGILL_PUBLIC_URL with the port in it, as an IdP's redirect URI needs).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
