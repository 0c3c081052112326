import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { threadEntry } from '../runtime-files';
import type { RenderJob, RenderReply, SealCheck, SealedRenderJob } from './render-job';

interface Rendered {
  pdf: Buffer;
  check: SealCheck | null;
}

interface Pending {
  id: number;
  job: RenderJob;
  resolve(rendered: Rendered): void;
  reject(error: Error): void;
}

interface Slot {
  child: ChildProcess;
  busy: Pending | null;
}

const workerFile = fileURLToPath(threadEntry('pdf/render-worker'));

/**
 * A fixed set of render processes: a protocol costs 100+ ms of CPU, which on the main thread would
 * stall every request. They are processes, not threads, so that all of their CPU runs at a lower
 * priority than the server (render-worker.ts lowers every thread of its own: the JavaScript, the
 * garbage collector's helpers, libuv's pool), which threads cannot give: a worker thread shares the
 * V8 helper threads with the main thread. Jobs queue in order; a crashed process is replaced and its
 * job fails alone.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number) {}

  async run(job: RenderJob): Promise<Buffer> {
    return (await this.submit(job)).pdf;
  }

  /** Renders and seals, and answers the worker's own check of the seal with the bytes. */
  async runSealed(job: SealedRenderJob): Promise<{ pdf: Buffer; check: SealCheck }> {
    const { pdf, check } = await this.submit(job);
    if (!check) throw new Error('The render worker did not check the seal it made');
    return { pdf, check };
  }

  private submit(job: RenderJob): Promise<Rendered> {
    if (this.closed) return Promise.reject(new Error('The render pool is closed'));
    return new Promise<Rendered>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('The render pool closed'));
    await Promise.all(this.slots.splice(0).map((slot) => stop(slot.child)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((candidate) => !candidate.busy) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.busy = pending;
      holdOpen(slot.child, true);
      slot.child.send({ id: pending.id, job: pending.job });
    }
  }

  private spawn(): Slot {
    // No inherited flags (a test runner's loader, --cpu-prof, --inspect): the entry loads what it needs.
    const child = fork(workerFile, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const slot: Slot = { child, busy: null };
    holdOpen(child, false);
    child.on('message', (reply: RenderReply) => {
      const pending = slot.busy;
      slot.busy = null;
      holdOpen(child, false);
      if (pending && pending.id === reply.id) {
        if (reply.ok) pending.resolve({ pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), check: reply.check });
        else pending.reject(new Error(`Rendering failed: ${reply.error}`));
      }
      this.dispatch();
    });
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      slot.busy?.reject(error);
      slot.busy = null;
      if (!this.closed) this.dispatch();
    };
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`A render worker stopped with ${signal ?? `code ${code}`}`)));
    this.slots.push(slot);
    return slot;
  }
}

/** An idle render process does not keep the server's event loop alive (a test or a CLI can end); a busy one does. */
function holdOpen(child: ChildProcess, busy: boolean): void {
  if (busy) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // Held open until it has gone: an idle (unreferenced) child's exit would not keep the caller's event loop alive to see it.
    child.ref();
    child.kill();
  });
}
