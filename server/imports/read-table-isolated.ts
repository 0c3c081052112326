import { Worker } from 'node:worker_threads';
import { threadEntry } from '../runtime-files';
import { AppError, type ErrorCode } from '../errors';
import { importLimits, refusal } from './import-limits';
import type { ReadOptions, Table } from './read-table';

export type TableReply =
  | { ok: true; table: Table }
  | { ok: false; refused: { code: ErrorCode; message: string; details: AppError['details'] } }
  | { ok: false; failed: string };

const workerFile = threadEntry('imports/read-table-worker');

/** One file is read at a time (a thread may take 64 MB of heap and a core); a few more may wait for it. */
const maxWaiting = 4;
let running = false;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running) {
    if (waiting.length >= maxWaiting) throw refusal('busy', 'Other files are being read; try again shortly', `${waiting.length} files waiting`, 'rate_limited');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running = true;
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running = false;
  };
}

/** The thread's bounds; tests narrow them to see each one enforced. */
export interface ThreadBounds {
  heapMb: number;
  milliseconds: number;
}

function runWorker(bytes: Buffer, fileName: string, options: ReadOptions, bounds: ThreadBounds): Promise<Table> {
  // A copy of exactly the file's bytes, moved (not copied again) into the thread.
  const copy = new Uint8Array(bytes).buffer;
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, {
      workerData: { bytes: copy, fileName, options },
      transferList: [copy],
      resourceLimits: { maxOldGenerationSizeMb: bounds.heapMb, maxYoungGenerationSizeMb: 16 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const tooSlow = () => settle(() => reject(refusal('too_slow', 'Reading the file took too long', `stopped after ${bounds.milliseconds} ms`)));
    const timer = setTimeout(tooSlow, bounds.milliseconds);
    worker.once('message', (reply: TableReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.table);
        else if ('refused' in reply) reject(new AppError(reply.refused.code, reply.refused.message, reply.refused.details));
        else reject(new Error(`Reading an import failed: ${reply.failed}`));
      }),
    );
    const outOfMemory = () => refusal('too_much_memory', 'Reading the file needs more memory than allowed', `more than ${bounds.heapMb} MB`);
    worker.once('error', (error: Error & { code?: string }) => settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`The import thread stopped with code ${code}`))));
  });
}

/**
 * readTable in a thread of its own with a heap limit and a deadline: whatever a file costs, the
 * thread pays it and is stopped, and the server's own event loop and memory stay untouched.
 */
export async function readTableIsolated(bytes: Buffer, fileName: string, options: ReadOptions = {}, bounds: ThreadBounds = importLimits): Promise<Table> {
  const done = await turn();
  try {
    return await runWorker(bytes, fileName, options, bounds);
  } finally {
    done();
  }
}
