import fs from 'node:fs';
import os from 'node:os';

/**
 * The CPU time a process's main thread has run so far, in ms (Linux /proc schedstat; undefined
 * elsewhere). A server's event loop runs on that thread, so its CPU per request is what caps the
 * requests per second; unlike wall-clock figures, it hardly moves when other work shares the machine.
 */
export function mainThreadCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const [runNs] = fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ');
    return Number(runNs) / 1e6;
  } catch {
    return undefined;
  }
}

/** Main-thread CPU ms per request over a run, and the machine's 1-minute load average at its end. */
export async function cpuPerRequest<T extends { requests: { total: number } }>(pid: number | undefined, run: () => Promise<T>): Promise<{ result: T; cpuMs: number | undefined; load: number }> {
  const before = mainThreadCpuMs(pid);
  const result = await run();
  const after = mainThreadCpuMs(pid);
  const cpuMs = before === undefined || after === undefined || result.requests.total === 0 ? undefined : (after - before) / result.requests.total;
  return { result, cpuMs, load: os.loadavg()[0]! };
}
