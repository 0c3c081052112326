import http from 'node:http';
import { sigillVersion } from '../../../server/version';

/** The floor: node:http answering the same JSON as /api/health, with nothing in between. */
const body = JSON.stringify({ status: 'ok', version: sigillVersion, db: 'ok' });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`LISTENING ${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
