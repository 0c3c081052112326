// Preloaded with --import by tests/api/production-start.test.ts into `npm start`: records every module
// the process and its worker threads load, ES modules through a resolve hook and CommonJS from the
// require cache at exit, into the file SIGILL_MODULE_TRACE names. It observes only; it changes nothing.
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import { threadId } from 'node:worker_threads';

const file = process.env.SIGILL_MODULE_TRACE;
if (file) {
  register('./trace-hooks.mjs', import.meta.url, { data: { file } });
  process.on('exit', () => {
    const cached = Object.keys(createRequire(import.meta.url).cache).map((name) => `cjs ${threadId} ${name}`);
    fs.appendFileSync(file, `${cached.join('\n')}\nexit ${threadId} ${process.argv.slice(1).join(' ')}\n`);
  });
}
