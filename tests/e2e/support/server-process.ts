import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { dropTestDatabase, testDatabaseEnv } from '../../support/test-engine';

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Graceful stop; removes the data folder unless the caller brought its own. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a power cut to the process would: nothing is flushed or closed. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The real server, as `npm start` runs it, on a free port and a fresh (or the given) data folder.
 * On the PostgreSQL test engine the data folder has a database of its own, so a second server on
 * the same folder shares the first one's database.
 */
export async function startServer(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, SIGILL_PORT: '0', SIGILL_DATA_DIR: dataDir, SIGILL_LOG_LEVEL: 'warn', ...(await testDatabaseEnv(dataDir)), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /running at (http:\/\/\S+?)\/?$/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`The server exited with ${code} before listening:\n${stderr}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        const done = exited(child);
        child.kill('SIGTERM');
        await done;
      }
      if (!options.dataDir) {
        await dropTestDatabase(dataDir);
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    kill: async () => {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
  };
}
