import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/** The floor for autosave: node:http parsing the JSON body and inserting it as one row, same pragmas. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-bare-'));
const db = new SqliteDatabase(path.join(dataDir, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('create table saves (id integer primary key, answers text not null, saved_at text not null)');
const insert = db.prepare('insert into saves (answers, saved_at) values (?, ?)');

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { answers: unknown };
    const id = insert.run(JSON.stringify(body.answers), new Date().toISOString()).lastInsertRowid;
    const reply = JSON.stringify({ id: Number(id) });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) });
    response.end(reply);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`LISTENING ${address.port}\n`);
});
process.on('SIGTERM', () =>
  server.close(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }),
);
