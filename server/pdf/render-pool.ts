import { Worker } from 'node:worker_threads';
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
  worker: Worker;
  busy: Pending | null;
}

const workerFile = threadEntry('pdf/render-worker');

/**
 * A fixed set of render threads: a protocol costs 100+ ms of CPU, which on the main thread would
 * stall every request. Jobs queue in order; a crashed worker is replaced and its job fails alone.
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
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((candidate) => !candidate.busy) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.busy = pending;
      slot.worker.ref();
      slot.worker.postMessage({ id: pending.id, job: pending.job }, []);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerFile);
    const slot: Slot = { worker, busy: null };
    worker.unref();
    worker.on('message', (reply: RenderReply) => {
      const pending = slot.busy;
      slot.busy = null;
      worker.unref();
      if (pending && pending.id === reply.id) {
        if (reply.ok) pending.resolve({ pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), check: reply.check });
        else pending.reject(new Error(`Rendering failed: ${reply.error}`));
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      slot.busy?.reject(error);
      slot.busy = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A render worker stopped with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}
