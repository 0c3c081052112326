/** One server-sent event as the stream carried it. */
export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Reads a text/event-stream body and hands out its events in order: a test awaits the next event
 * of a type (or one meeting a condition) instead of sleeping.
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly queue: SseEvent[] = [];

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next event for which `accept` holds; events before it are dropped. */
  async next(accept: (event: SseEvent) => boolean = () => true): Promise<SseEvent> {
    for (;;) {
      const index = this.queue.findIndex(accept);
      if (index >= 0) {
        const [event] = this.queue.splice(0, index + 1).slice(-1);
        return event!;
      }
      this.queue.length = 0;
      const { value, done } = await this.reader.read();
      if (done) throw new Error('the event stream ended');
      this.buffer += this.decoder.decode(value, { stream: true });
      this.parse();
    }
  }

  close(): Promise<void> {
    return this.reader.cancel();
  }

  private parse(): void {
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      end = this.buffer.indexOf('\n\n');
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
      const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
      if (event) this.queue.push({ event, data: JSON.parse(data) as Record<string, unknown> });
    }
  }
}
