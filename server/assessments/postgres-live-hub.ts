import { randomUUID } from 'node:crypto';
import { Client, type Notification } from 'pg';
import type { Logger } from '../log';
import { InProcessLiveHub, type LiveEvent, type LiveHub, type LiveListener } from './live-hub';

/** One channel for every assessment: each process hears all events and passes on those someone here listens to. */
const channel = 'sigill_live';
/** NOTIFY carries at most 8,000 bytes; an event (a change holds the whole result) is sent in base64 pieces below that. */
const pieceLength = 7_000;
const reconnectDelayMs = 1_000;

interface PiecesSoFar {
  pieces: string[];
  received: number;
}

/**
 * The live hub across processes on one PostgreSQL database: an event reaches this process's
 * listeners at once, as in the in-process hub, and every other Sigill process on the database
 * through NOTIFY on one channel; each process LISTENs on one connection of its own and hands what
 * it hears to its local listeners. NOTIFY is delivered in commit order, and one statement carries
 * all pieces of an event, so pieces arrive in order and together.
 */
export class PostgresLiveHub implements LiveHub {
  private readonly local = new InProcessLiveHub();
  private readonly origin = randomUUID();
  private readonly partial = new Map<string, PiecesSoFar>();
  private client: Client | null = null;
  private sent = 0;
  private closed = false;
  private sending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  /** Resolves once this process listens, so nothing published after start is missed. */
  static async connect(url: string, logger: Logger): Promise<PostgresLiveHub> {
    const hub = new PostgresLiveHub(url, logger);
    await hub.listen();
    return hub;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => this.heard(message));
    client.on('error', (error) => {
      this.logger.warn('live hub: the listening connection failed; reconnecting', { error: error.message });
      this.client = null;
      void client.end().catch(() => undefined);
      this.reconnectLater();
    });
    await client.connect();
    await client.query(`listen ${channel}`);
    this.client = client;
  }

  private reconnectLater(): void {
    if (this.closed) return;
    setTimeout(() => {
      if (this.closed) return;
      this.listen().catch((error: unknown) => {
        this.logger.warn('live hub: reconnecting failed; trying again', { error: error instanceof Error ? error.message : String(error) });
        this.reconnectLater();
      });
    }, reconnectDelayMs).unref();
  }

  publish(assessmentId: string, event: LiveEvent): void {
    this.local.publish(assessmentId, event);
    const client = this.client;
    if (!client) return;
    const text = Buffer.from(JSON.stringify({ assessmentId, event })).toString('base64');
    const pieces: string[] = [];
    for (let start = 0; start < text.length; start += pieceLength) pieces.push(text.slice(start, start + pieceLength));
    const id = `${this.origin}:${(this.sent += 1)}`;
    const calls = pieces.map((_, index) => `pg_notify('${channel}', $${index + 1})`).join(', ');
    const values = pieces.map((piece, index) => `${id}:${index}:${pieces.length}:${piece}`);
    // One query at a time on the listening connection: pg queues overlapping ones only under a deprecation (gone in pg 9), and the chain keeps the order.
    this.sending = this.sending
      .then(() => client.query(`select ${calls}`, values))
      .then(
        () => undefined,
        (error: unknown) => {
          this.logger.warn('live hub: an event could not reach the other processes', { assessmentId, error: error instanceof Error ? error.message : String(error) });
        },
      );
  }

  private heard(message: Notification): void {
    if (message.channel !== channel || !message.payload) return;
    const [origin, sequence, index, count, piece] = message.payload.split(':');
    // This process's own events reached its listeners when they were published.
    if (origin === this.origin || piece === undefined) return;
    const key = `${origin}:${sequence}`;
    const total = Number(count);
    const partial = this.partial.get(key) ?? { pieces: Array.from<string>({ length: total }), received: 0 };
    partial.pieces[Number(index)] = piece;
    partial.received += 1;
    if (partial.received < total) {
      this.partial.set(key, partial);
      return;
    }
    this.partial.delete(key);
    try {
      const { assessmentId, event } = JSON.parse(Buffer.from(partial.pieces.join(''), 'base64').toString('utf8')) as { assessmentId: string; event: LiveEvent };
      this.local.publish(assessmentId, event);
    } catch (error) {
      this.logger.warn('live hub: an unreadable notification was dropped', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  subscribe(assessmentId: string, listener: LiveListener): () => void {
    return this.local.subscribe(assessmentId, listener);
  }

  listenerCount(assessmentId: string): number {
    return this.local.listenerCount(assessmentId);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await this.sending;
    await client?.end();
  }
}
