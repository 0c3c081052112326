import { rowIdKey } from '../../../scoring/survey/answer-ops';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../client/contract/api-types';
import { AnswerSync, queueKey, type RemoteChange, type SaveState, type SendOutcome, type SyncConflict, type WireOp } from '../../../client/workshop/autosave';

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

const saved = (revision: number): SendOutcome => ({ kind: 'saved', revision, applied: [], result: null, missing: [] });
const omar = { id: 'u-omar', name: 'Omar' };
const row = (id: string, system: string) => ({ [rowIdKey]: id, system });

function setup(responses: ((ops: WireOp[]) => SendOutcome | Error)[], options: { answers?: Answers; revision?: number; store?: MemoryStore; typingIn?: () => string | null } = {}) {
  const store = options.store ?? new MemoryStore();
  const timers = new ManualTimers();
  const states: SaveState['kind'][] = [];
  const calls: WireOp[][] = [];
  const shown: Answers[] = [];
  const scored: unknown[] = [];
  let conflicts: readonly SyncConflict[] = [];
  const sync = new AnswerSync({
    assessmentId: 'a1',
    clientId: 'tab-mine-1',
    revision: options.revision ?? 3,
    answers: options.answers ?? {},
    store,
    timers,
    send: async (ops) => {
      calls.push(ops);
      const response = responses.shift()!(ops);
      if (response instanceof Error) throw response;
      return response;
    },
    onAnswers: (answers) => shown.push(answers),
    onState: (state) => states.push(state.kind),
    onConflicts: (open) => { conflicts = open; },
    onScored: (state) => scored.push(state),
    holdsRows: (list) => options.typingIn?.() === list,
  });
  return { sync, store, timers, states, calls, shown, scored, conflicts: () => conflicts };
}

const remote = (revision: number, ops: RemoteChange['ops']): RemoteChange => ({ revision, clientId: 'tab-omar-1', by: omar, at: '2026-12-01T09:00:00.000Z', ops, result: null, missing: [] });

describe('autosave as changes', () => {
  it('debounces typing into one change per question, with the revision it was typed on, and keeps it in the store until acknowledged', async () => {
    const { sync, timers, calls, store, states } = setup([() => saved(4)]);
    sync.localChange({ objekt_namn: 'E' });
    sync.localChange({ objekt_namn: 'Ek', forvaltning: 'Ekonomi' });
    expect(JSON.parse(store.getItem(queueKey('a1'))!).ops).toHaveLength(2);
    await timers.runAll();
    expect(calls).toEqual([[
      { op: 'set', path: ['objekt_namn'], value: 'Ek', base: 3 },
      { op: 'set', path: ['forvaltning'], value: 'Ekonomi', base: 3 },
    ]]);
    expect(store.getItem(queueKey('a1'))).toBeNull();
    expect(states.at(-1)).toBe('saved');
  });

  it('sends rows as inserts, removals and field changes by row id, never the whole list', async () => {
    const before = { integrationer: [{ _rowId: 'a', system: 'A' }, { _rowId: 'b', system: 'B' }] };
    const { sync, timers, calls } = setup([() => saved(4)], { answers: before });
    sync.localChange({ integrationer: [{ _rowId: 'b', system: 'B', beskrivning: 'text' }, { _rowId: 'c', system: 'C' }] });
    await timers.runAll();
    expect(calls[0]).toEqual([
      { op: 'remove', list: 'integrationer', rowId: 'a' },
      { op: 'set', path: ['integrationer', 'b', 'beskrivning'], value: 'text', base: 3 },
      { op: 'insert', list: 'integrationer', rowId: 'c', after: 'b', value: { system: 'C' } },
    ]);
  });

  it('sends a first panel every browser names alike as an insert and its fields as checked sets, and shows others’ fields in it meanwhile', async () => {
    // The form drew the first informationsmängd here and the name was typed before any save: one change holds both.
    const { sync, timers, calls, shown } = setup([() => saved(6)]);
    sync.localChange({ informationsmangder: [{ _rowId: 'legacy-0', namn: 'Löner' }] });
    // Omar's browser stored the same panel (same id) and its description before this tab's insert went out.
    expect(sync.remote(remote(4, [{ op: 'insert', list: 'informationsmangder', rowId: 'legacy-0', after: null, value: {} }]))).toBe(true);
    expect(sync.remote(remote(5, [{ op: 'set', path: ['informationsmangder', 'legacy-0', 'beskrivning'], value: 'Omars' }]))).toBe(true);
    expect(shown.at(-1)).toEqual({ informationsmangder: [{ _rowId: 'legacy-0', namn: 'Löner', beskrivning: 'Omars' }] });
    await timers.runAll();
    // An insert of a stored row changes nothing on the server: the name goes as a set, refused if Omar named it since.
    expect(calls[0]).toEqual([
      { op: 'insert', list: 'informationsmangder', rowId: 'legacy-0', after: null },
      { op: 'set', path: ['informationsmangder', 'legacy-0', 'namn'], value: 'Löner', base: 3 },
    ]);
  });

  it('keeps the shown score after a save the server applied nothing of, such as an insert of the stored first panel', async () => {
    const nothing = setup([() => saved(3)]);
    nothing.sync.localChange({ informationsmangder: [{ _rowId: 'legacy-0' }] });
    await nothing.timers.runAll();
    // The reply to a change that changed nothing carries no result; showing it would empty the result strip.
    expect(nothing.scored).toEqual([]);
    const something = setup([() => ({ ...saved(4), applied: [{ path: ['objekt_namn'] }] })]);
    something.sync.localChange({ objekt_namn: 'E' });
    await something.timers.runAll();
    expect(something.scored).toHaveLength(1);
  });

  it('starts a change typed while the same question was in flight from that save, so it is no conflict with itself', async () => {
    const { sync, timers, calls } = setup([() => saved(4), () => saved(5)]);
    sync.localChange({ objekt_namn: 'E' });
    const first = timers.runAll();
    sync.localChange({ objekt_namn: 'Ek' });
    await first;
    await timers.runAll();
    expect(calls.map((ops) => ops[0])).toEqual([
      { op: 'set', path: ['objekt_namn'], value: 'E', base: 3 },
      { op: 'set', path: ['objekt_namn'], value: 'Ek', base: 4 },
    ]);
  });

  it('shows a colleague’s change to another question at once and keeps typing here', async () => {
    const { sync, shown } = setup([]);
    sync.localChange({ objekt_namn: 'Mitt' });
    expect(sync.remote(remote(4, [{ op: 'set', path: ['forvaltning'], value: 'Omars' }]))).toBe(true);
    expect(shown.at(-1)).toEqual({ objekt_namn: 'Mitt', forvaltning: 'Omars' });
    // A missed revision is reported, so the caller fetches the answers again.
    expect(sync.remote(remote(6, [{ op: 'set', path: ['forvaltning'], value: 'x' }]))).toBe(false);
  });

  it('keeps both answers when a colleague changed the same question, and the chosen one is sent on top', async () => {
    const { sync, timers, calls, conflicts, states } = setup([
      () => ({ kind: 'conflict', currentRevision: 4, conflicts: [{ path: ['objekt_namn'], stored: 'Omars', rowRemoved: false, changedBy: omar, changedAt: '2026-12-01T09:00:00.000Z', revision: 4 }] }),
      () => saved(5),
      () => saved(6),
    ]);
    sync.localChange({ objekt_namn: 'Mitt', forvaltning: 'Min förvaltning' });
    // Omar's change to the same question arrives first: this tab keeps showing what was typed here.
    sync.remote(remote(4, [{ op: 'set', path: ['objekt_namn'], value: 'Omars' }]));
    expect(sync.answers['objekt_namn']).toBe('Mitt');
    await timers.runAll();
    expect(states).toContain('conflict');
    expect(conflicts()).toEqual([expect.objectContaining({ path: ['objekt_namn'], mine: 'Mitt', theirs: 'Omars', by: omar, revision: 4 })]);
    // The other question went again at once and is saved; the conflicting one waits.
    await timers.runAll();
    expect(calls[1]).toEqual([{ op: 'set', path: ['forvaltning'], value: 'Min förvaltning', base: 3 }]);
    sync.localChange({ objekt_namn: 'Mitt, rättat', forvaltning: 'Min förvaltning' });
    expect(conflicts()[0]!.mine).toBe('Mitt, rättat');
    expect(calls).toHaveLength(2);
    sync.resolve(conflicts()[0]!.key, 'mine');
    await timers.runAll();
    expect(calls[2]).toEqual([{ op: 'set', path: ['objekt_namn'], value: 'Mitt, rättat', base: 4 }]);
    expect(conflicts()).toEqual([]);
  });

  it('shows rows in the order they are stored once its own row changes are acknowledged, so every screen converges', async () => {
    const a = { _rowId: 'a', system: 'A' };
    const { sync, timers, shown } = setup([() => ({ ...saved(5), order: { integrationer: ['a', 'mine', 'o'] } })], { answers: { integrationer: [a] } });
    sync.localChange({ integrationer: [a, { _rowId: 'mine', system: 'Mitt' }] });
    // Omar's row, inserted after a on his screen, arrives before this tab's own insert is stored …
    sync.remote({ ...remote(4, [{ op: 'insert', list: 'integrationer', rowId: 'o', after: 'a', value: { system: 'O' } }]), order: { integrationer: ['a', 'o'] } });
    expect((shown.at(-1)!['integrationer'] as Record<string, string>[]).map((entry) => entry[rowIdKey])).toEqual(['a', 'o', 'mine']);
    // … and the server put this tab's row first: that is the order shown from then on.
    await timers.runAll();
    expect((shown.at(-1)!['integrationer'] as Record<string, string>[]).map((entry) => entry[rowIdKey])).toEqual(['a', 'mine', 'o']);
  });

  it('holds others’ row changes to a list while someone here types in it, so no row slides under the cursor', () => {
    let typingIn: string | null = 'integrationer';
    const rows = { integrationer: [row('a', 'A'), row('b', 'B')] };
    const { sync, shown } = setup([], { answers: rows, typingIn: () => typingIn });
    sync.remote(remote(4, [{ op: 'remove', list: 'integrationer', rowId: 'a' }, { op: 'set', path: ['objekt_namn'], value: 'Omars' }]));
    expect(shown.at(-1)).toEqual({ ...rows, objekt_namn: 'Omars' });
    typingIn = null;
    sync.releaseRows('integrationer');
    expect(shown.at(-1)).toEqual({ integrationer: [row('b', 'B')], objekt_namn: 'Omars' });
  });

  it('takes the stored answer when the user chooses it, and sends nothing', async () => {
    const { sync, timers, calls, conflicts, shown } = setup([
      () => ({ kind: 'conflict', currentRevision: 4, conflicts: [{ path: ['objekt_namn'], stored: 'Omars', rowRemoved: false, changedBy: omar, changedAt: null, revision: 4 }] }),
    ]);
    sync.localChange({ objekt_namn: 'Mitt' });
    await timers.runAll();
    sync.resolve(conflicts()[0]!.key, 'theirs');
    await timers.runAll();
    expect(calls).toHaveLength(1);
    expect(shown.at(-1)).toEqual({ objekt_namn: 'Omars' });
    expect(sync.hasUnsaved).toBe(false);
  });

  it('keeps an unresolved conflict through a reload as a change that is refused again, never forced through', async () => {
    const store = new MemoryStore();
    const first = setup([() => ({ kind: 'conflict', currentRevision: 4, conflicts: [{ path: ['objekt_namn'], stored: 'Omars', rowRemoved: false, changedBy: omar, changedAt: null, revision: 4 }] })], { store });
    first.sync.localChange({ objekt_namn: 'Mitt' });
    await first.timers.runAll();
    first.sync.dispose();
    const later = setup([() => saved(5)], { store, revision: 4, answers: { objekt_namn: 'Omars' } });
    later.sync.restore();
    await later.timers.runAll();
    expect(later.calls[0]).toEqual([{ op: 'set', path: ['objekt_namn'], value: 'Mitt', base: 3 }]);
  });

  it('puts changes a closed tab left behind back on top of the newest answers, merging with what others saved since', async () => {
    const store = new MemoryStore();
    const first = setup([() => new TypeError('Failed to fetch')], { store });
    first.sync.localChange({ integrationer: [{ _rowId: 'n1', system: 'Nytt' }] });
    await first.timers.runAll();
    expect(first.states.at(-1)).toBe('retrying');
    first.sync.dispose();
    // Reopened at revision 5: a colleague added another row meanwhile.
    const later = setup([() => saved(6)], { store, revision: 5, answers: { integrationer: [{ _rowId: 'o1', system: 'Omars' }] } });
    expect(later.sync.restore()).toBe(true);
    expect(later.shown.at(-1)).toEqual({ integrationer: [{ _rowId: 'n1', system: 'Nytt' }, { _rowId: 'o1', system: 'Omars' }] });
    await later.timers.runAll();
    expect(later.calls[0]).toEqual([{ op: 'insert', list: 'integrationer', rowId: 'n1', after: null, value: { system: 'Nytt' } }]);
  });

  it('sends what waits when the page goes away instead of dropping it with the debounce timer', async () => {
    const { sync, calls } = setup([() => saved(4)]);
    sync.localChange({ informationsmangder: [{ _rowId: 'p1', namn: 'Löner' }] });
    sync.sendNow();
    sync.dispose();
    expect(calls).toHaveLength(1);
  });
});
