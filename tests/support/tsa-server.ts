import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { opensslTsReply, type TestTsa, testTsa } from './doc-timestamp';

/**
 * The test authority behind HTTP as RFC 3161 §3.4 has it: a POST of application/timestamp-query
 * answered with `openssl ts -reply`'s application/timestamp-reply, on a free port of 127.0.0.1.
 * `down` makes it answer 503, as an authority under maintenance does.
 */
export interface TsaServer {
  url: string;
  tsa: TestTsa;
  down: boolean;
  /** Requests answered with a token. */
  granted: number;
  close(): Promise<void>;
}

export async function startTsaServer(): Promise<TsaServer> {
  const tsa = testTsa();
  const state = { down: false, granted: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (state.down) {
        response.writeHead(503).end();
        return;
      }
      if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
        response.writeHead(415).end();
        return;
      }
      const reply = opensslTsReply(tsa, Buffer.concat(chunks));
      state.granted += 1;
      response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    tsa,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    get granted() {
      return state.granted;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      tsa.remove();
    },
  };
}
