import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import { type ReadOptions, readTable } from './read-table';
import type { TableReply } from './read-table-isolated';

/** Reads one uploaded file in its own thread and posts back the table or why it was refused. */
const { bytes, fileName, options } = workerData as { bytes: ArrayBuffer; fileName: string; options: ReadOptions };
const port = parentPort!;

function reply(): TableReply {
  try {
    return { ok: true, table: readTable(Buffer.from(bytes), fileName, options) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, refused: { code: error.code, message: error.message, details: error.details } };
    return { ok: false, failed: String((error as Error).stack ?? error) };
  }
}

port.postMessage(reply());
