/** What everyone on an assessment hears: a stored change, or who is here now. */
export type LiveEvent =
  | { type: 'change'; data: Record<string, unknown> }
  | { type: 'presence'; data: Record<string, unknown> };

export type LiveListener = (event: LiveEvent) => void;

const texts = new WeakMap<LiveEvent, string>();

/** An event's data as JSON, serialised once however many streams carry it (a change holds the whole result). */
export function eventText(event: LiveEvent): string {
  let text = texts.get(event);
  if (text === undefined) {
    text = JSON.stringify(event.data);
    texts.set(event, text);
  }
  return text;
}

/**
 * Fan-out of live events per assessment. In one process (SQLite) an in-memory hub suffices; with
 * several processes on one PostgreSQL database, PostgresLiveHub carries events between them with
 * LISTEN/NOTIFY and dispatches locally.
 */
export interface LiveHub {
  publish(assessmentId: string, event: LiveEvent): void;
  /** Returns the call that stops listening. */
  subscribe(assessmentId: string, listener: LiveListener): () => void;
  listenerCount(assessmentId: string): number;
  /** Stops carrying events between processes (the in-process hub holds nothing to close). */
  close(): Promise<void>;
}

export class InProcessLiveHub implements LiveHub {
  private readonly listeners = new Map<string, Set<LiveListener>>();

  publish(assessmentId: string, event: LiveEvent): void {
    for (const listener of this.listeners.get(assessmentId) ?? []) {
      // One broken stream must not keep the event from the others.
      try {
        listener(event);
      } catch {
        // The stream's own close handler removes it.
      }
    }
  }

  subscribe(assessmentId: string, listener: LiveListener): () => void {
    let set = this.listeners.get(assessmentId);
    if (!set) {
      set = new Set();
      this.listeners.set(assessmentId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(assessmentId);
    };
  }

  listenerCount(assessmentId: string): number {
    return this.listeners.get(assessmentId)?.size ?? 0;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
