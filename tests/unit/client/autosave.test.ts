import { describe, expect, it } from 'vitest';
import type { Answers, Assessment } from '../../../client/api-types';
import { Autosaver, readUnsaved, type SaveOutcome, type SaveState } from '../../../client/workshop/autosave';

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

/** Timers the test runs by hand, so debounce and retry are checked without waiting. */
class ManualTimers {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  set = (callback: () => void, ms: number) => { const id = this.next++; this.pending.set(id, { callback, ms }); return id; };
  clear = (handle: unknown) => { this.pending.delete(handle as number); };
  async runAll(): Promise<void> {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, timer] of due) timer.callback();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const saved = (revision: number, answers: Answers): SaveOutcome => ({ kind: 'saved', assessment: { revision, answers } as Assessment });

function setup(responses: ((base: number, answers: Answers) => SaveOutcome | Error)[]) {
  const store = new MemoryStore();
  const timers = new ManualTimers();
  const states: SaveState['kind'][] = [];
  const calls: { base: number; answers: Answers }[] = [];
  const saver = new Autosaver({
    assessmentId: 'a1',
    revision: 3,
    store,
    timers,
    save: async (base, answers) => {
      calls.push({ base, answers });
      const response = responses.shift()!(base, answers);
      if (response instanceof Error) throw response;
      return response;
    },
    onState: (state) => states.push(state.kind),
    onSaved: () => undefined,
  });
  return { saver, store, timers, states, calls };
}

describe('autosave', () => {
  it('debounces changes into one save of the whole answer set with the base revision', async () => {
    const { saver, timers, calls, store, states } = setup([(base, answers) => saved(base + 1, answers)]);
    saver.change({ a: 1 });
    saver.change({ a: 1, b: 2 });
    expect(readUnsaved(store, 'a1')).toEqual({ baseRevision: 3, answers: { a: 1, b: 2 } });
    await timers.runAll();
    expect(calls).toEqual([{ base: 3, answers: { a: 1, b: 2 } }]);
    expect(saver.baseRevision).toBe(4);
    expect(readUnsaved(store, 'a1')).toBeNull();
    expect(states.at(-1)).toBe('saved');
  });

  it('keeps the answers and retries after a network error', async () => {
    const { saver, timers, calls, store, states } = setup([() => new TypeError('Failed to fetch'), (base, answers) => saved(base + 1, answers)]);
    saver.change({ a: 1 });
    await timers.runAll();
    expect(states.at(-1)).toBe('retrying');
    expect(readUnsaved(store, 'a1')?.answers).toEqual({ a: 1 });
    await timers.runAll();
    expect(calls).toHaveLength(2);
    expect(states.at(-1)).toBe('saved');
    expect(readUnsaved(store, 'a1')).toBeNull();
  });

  it('stops on a conflict, keeps the input, and saves on the new revision when the user keeps theirs', async () => {
    const { saver, timers, calls, store, states } = setup([
      () => ({ kind: 'conflict', currentRevision: 5, changedQuestions: ['objekt_namn'] }),
      (base, answers) => saved(base + 1, answers),
    ]);
    saver.change({ mine: 'x' });
    await timers.runAll();
    expect(states.at(-1)).toBe('conflict');
    saver.change({ mine: 'xy' });
    await timers.runAll();
    expect(calls).toHaveLength(1);
    expect(readUnsaved(store, 'a1')?.answers).toEqual({ mine: 'xy' });
    saver.keepMine(5);
    await timers.runAll();
    expect(calls[1]).toEqual({ base: 5, answers: { mine: 'xy' } });
    expect(saver.baseRevision).toBe(6);
  });

  it('drops the local copy only when the user takes the server version', async () => {
    const { saver, timers, store } = setup([() => ({ kind: 'conflict', currentRevision: 5, changedQuestions: [] })]);
    saver.change({ mine: 'x' });
    await timers.runAll();
    saver.acceptServer({ revision: 5 } as Assessment);
    expect(readUnsaved(store, 'a1')).toBeNull();
    expect(saver.baseRevision).toBe(5);
  });

  it('saves again when answers changed while a save was in flight', async () => {
    const { saver, timers, calls } = setup([(base, answers) => saved(base + 1, answers), (base, answers) => saved(base + 1, answers)]);
    saver.change({ a: 1 });
    const firstRun = timers.runAll();
    saver.change({ a: 2 });
    await firstRun;
    await timers.runAll();
    expect(calls.map((call) => call.answers)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(calls[1]!.base).toBe(4);
  });
});
