import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { heapFlags } from '../../../server/cli/heap-limit.mjs';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** The process's peak resident memory since start or the last reset, in MB (Linux /proc; undefined elsewhere). */
  peakRssMb(): number | undefined;
  /** Starts the peak over, so a figure covers one run and not the start-up (Linux: clear_refs). */
  resetPeakRss(): void;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript server script in its own process (so the load generator does not share
 * its event loop) and waits for the line `LISTENING <port>` on its stdout. The process gets the heap
 * bound `npm start` gives production, so memory figures are production's.
 */
export async function startChildServer(script: string, env: Record<string, string> = {}, execArgv: string[] = heapFlags([])): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...execArgv, path.resolve(script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^LISTENING (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    resetPeakRss: () => {
      fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    },
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, { encoding: 'utf8', flag: 'r' });
      const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
      return kilobytes ? Number(kilobytes) / 1024 : undefined;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
