import {
  type AnswerOp,
  type AnswerPath,
  applyOp,
  diffOps,
  inRowOrder,
  isLegacyRowId,
  opPath,
  pathKey,
  rowIdKey,
  valueAt,
} from '../../scoring/survey/answer-ops';
import type { Answers } from '../contract/api-types';

/** A change on its way: a set remembers the revision in which its writer last saw the question. */
interface QueuedOp {
  op: AnswerOp;
  /** null: the same question is in flight from this tab; the base becomes that save's revision. */
  base: number | null;
}

/** An op as the server takes it. */
export type WireOp = AnswerOp & { base?: number };

export interface Person {
  id: string;
  name: string;
}

/** Someone else changed the same question after this tab saw it: both values wait for a choice. */
export interface SyncConflict {
  key: string;
  path: AnswerPath;
  mine: unknown;
  theirs: unknown;
  rowRemoved: boolean;
  by: Person | null;
  at: string | null;
  revision: number;
  /** The revision the refused change was typed on: a restored copy is sent with it, so it is refused again, not forced through. */
  sentBase: number;
}

export interface ServerConflict {
  path: AnswerPath;
  stored: unknown;
  rowRemoved: boolean;
  changedBy: Person | null;
  changedAt: string | null;
  revision: number | null;
}

export interface ScoredState {
  result: Record<string, unknown> | null;
  missing: { field: string; message: string }[];
}

/** Each list's row order (ids) as stored after a change that inserted, removed or moved its rows. */
export type RowOrders = Record<string, string[]>;

export type SendOutcome =
  | ({ kind: 'saved'; revision: number; applied: { path: AnswerPath }[]; order?: RowOrders } & ScoredState)
  | { kind: 'conflict'; currentRevision: number; conflicts: ServerConflict[] }
  | { kind: 'invalid'; errors: { field: string; message: string }[] }
  | { kind: 'forbidden'; message: string };

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; attempt: number; inMs: number }
  | { kind: 'conflict'; count: number }
  | { kind: 'invalid'; errors: { field: string; message: string }[] }
  | { kind: 'forbidden'; message: string };

/** A change someone (maybe this tab) stored, as the live stream carries it. */
export interface RemoteChange extends ScoredState {
  revision: number;
  order?: RowOrders;
  clientId: string | null;
  by: Person;
  at: string;
  ops: AnswerOp[];
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AnswerSyncOptions {
  assessmentId: string;
  clientId: string;
  revision: number;
  answers: Answers;
  send(ops: WireOp[]): Promise<SendOutcome>;
  /** The answers changed other than by typing here (someone else, a resolved conflict): show them. */
  onAnswers(answers: Answers, names: readonly string[]): void;
  /**
   * One field of one row changed elsewhere: show just that field, when the form can, so the rows
   * someone is typing in are not rebuilt under the cursor. Returns false to have the whole list shown instead.
   */
  onRowField?(path: readonly [string, string, string], value: unknown, answers: Answers): boolean;
  /**
   * Whether someone here is typing in this list now. The form binds rows to their position, so a
   * row removed or moved above them would slide another row under their cursor: others' changes
   * to the list wait until they leave it (releaseRows).
   */
  holdsRows?(list: string): boolean;
  onState(state: SaveState): void;
  onConflicts(conflicts: readonly SyncConflict[]): void;
  /** The server's own score of the stored answers, after a save here or anyone's change. */
  onScored(scored: ScoredState): void;
  onChangedBy?(key: string, by: Person, at: string): void;
  store?: KeyValueStore | undefined;
  delayMs?: number;
  retryDelaysMs?: readonly number[];
  timers?: Timers;
}

/** What a tab keeps in sessionStorage until the server has it: its queued changes, never a whole answer set. */
interface StoredQueue {
  ops: QueuedOp[];
}

export function queueKey(assessmentId: string): string {
  return `sigill.changes.${assessmentId}`;
}

const defaultTimers: Timers = { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

function samePath(a: AnswerPath, b: AnswerPath): boolean {
  return pathKey(a) === pathKey(b);
}

/** The paths a change touches in the view: a row op covers every field of its row. */
function touches(op: AnswerOp, path: AnswerPath): boolean {
  const own = opPath(op);
  if (own.length === 3 && own[2] === rowIdKey) return path.length === 3 && path[0] === own[0] && path[1] === own[1];
  return samePath(own, path);
}

/**
 * Whether this tab's own queued change keeps another's change from being shown: the server will take one of the two
 * and say so. A row this tab inserts may be stored already (the first panel has the same id everywhere), and then
 * the server keeps the stored row: others' fields in it show as they arrive.
 */
function holdsBack(queued: AnswerOp, remote: AnswerOp): boolean {
  if (queued.op === 'insert' && remote.op === 'set') return false;
  const path = opPath(remote);
  return touches(queued, path) || (remote.op === 'remove' && queued.op === 'set' && queued.path.length === 3 && queued.path[1] === remote.rowId);
}

/**
 * An insert of a row every browser names alike carries no fields: the server ignores an insert of a row it holds,
 * which would drop them silently. Its fields go as sets, checked like any other against what the sender saw.
 */
function splitShared(op: AnswerOp): AnswerOp[] {
  if (op.op !== 'insert' || !isLegacyRowId(op.rowId) || !op.value || Object.keys(op.value).length === 0) return [op];
  const fields = Object.entries(op.value).map(([field, value]): AnswerOp => ({ op: 'set', path: [op.list, op.rowId, field], value }));
  return [{ op: 'insert', list: op.list, rowId: op.rowId, after: op.after }, ...fields];
}

/**
 * Keeps one tab's answers in step with the server, change by change. Typing becomes small ops
 * (debounced, one batch in flight at a time, a copy in sessionStorage until acknowledged);
 * changes from others arrive through `remote` and are shown unless this tab has its own unsent
 * change to the same question, in which case the server refuses one of the two and both values
 * wait for a person's choice. Nothing typed here is dropped without that choice.
 */
export class AnswerSync {
  private local: Answers;
  private revision: number;
  private readonly initialRevision: number;
  private readonly seen = new Map<string, number>();
  /** Set by a resync: every question not in `seen` was seen at this revision. */
  private seenAllAt: number | null = null;
  /** Others' changes to a list someone here is typing in, in order, shown when they leave it. */
  private readonly held = new Map<string, AnswerOp[]>();
  /** The newest stored row order per list, and the revision it is from. */
  private readonly orders = new Map<string, { revision: number; ids: string[] }>();
  private pending: QueuedOp[] = [];
  private inFlight: QueuedOp[] | null = null;
  private readonly conflicts = new Map<string, SyncConflict>();
  private blocked = false;
  private timer: unknown = null;
  private attempt = 0;
  private disposed = false;
  private readonly options: Required<Pick<AnswerSyncOptions, 'delayMs' | 'retryDelaysMs' | 'timers'>> & AnswerSyncOptions;

  constructor(options: AnswerSyncOptions) {
    this.options = { delayMs: 300, retryDelaysMs: [500, 1000, 2000, 5000, 10000], timers: defaultTimers, ...options };
    this.local = options.answers;
    this.revision = options.revision;
    this.initialRevision = options.revision;
  }

  get answers(): Answers {
    return this.local;
  }

  get hasUnsaved(): boolean {
    return this.pending.length > 0 || this.inFlight !== null || this.conflicts.size > 0;
  }

  /** Changes a closed tab or a lost network left behind are put back on top of the newest answers and sent. */
  restore(): boolean {
    const raw = this.options.store?.getItem(queueKey(this.options.assessmentId));
    if (!raw) return false;
    let stored: StoredQueue;
    try {
      stored = JSON.parse(raw) as StoredQueue;
    } catch {
      return false;
    }
    if (!Array.isArray(stored.ops) || stored.ops.length === 0) return false;
    const names = new Set<string>();
    for (const queued of stored.ops) {
      this.local = applyOp(this.local, queued.op);
      names.add(opPath(queued.op)[0]);
      this.pending.push({ op: queued.op, base: queued.base ?? this.initialRevision });
    }
    this.options.onAnswers(this.local, [...names]);
    this.setState({ kind: 'pending' });
    this.schedule(0);
    return true;
  }

  /** The form changed by typing here: `answers` is the whole new answer set, `names` the questions to compare (all when omitted). */
  localChange(answers: Answers, names?: readonly string[]): void {
    const before = names ? Object.fromEntries(names.map((name) => [name, this.local[name]])) : this.local;
    const after = names ? Object.fromEntries(names.map((name) => [name, answers[name]])) : answers;
    const ops = diffOps(before, after);
    this.local = answers;
    if (ops.length === 0) return;
    for (const op of ops.flatMap(splitShared)) this.enqueue(op);
    this.keepCopy();
    if (this.blocked) return;
    this.setState({ kind: 'pending' });
    this.schedule(this.options.delayMs);
  }

  /** The newest revision this tab knows the server reached. */
  get knownRevision(): number {
    return this.revision;
  }

  /** Send soon (pressing a button). */
  flush(): void {
    if (!this.blocked && this.pending.length > 0) this.schedule(0);
  }

  /** Send at once, before returning (the page is going away); the stored copy covers a request that does not arrive. */
  sendNow(): void {
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = null;
    void this.run();
  }

  /** A change from the live stream. Returns false when a change was missed and the caller should resync. */
  remote(change: RemoteChange): boolean {
    if (change.revision <= this.revision) return true;
    if (change.revision > this.revision + 1) return false;
    this.revision = change.revision;
    this.noteOrders(change.order, change.revision);
    if (change.clientId === this.options.clientId) {
      this.adoptOrders();
      return true;
    }
    const shown = this.showRemote(change.ops, change);
    if (shown.size > 0) this.options.onAnswers(this.local, [...shown]);
    this.adoptOrders();
    if (this.conflicts.size > 0) this.options.onConflicts([...this.conflicts.values()]);
    if (!this.hasUnsaved) this.options.onScored(change);
    return true;
  }

  /** The lists whose changes from others wait for the person typing in them. */
  get heldLists(): string[] {
    return [...this.held.keys()];
  }

  /** The person left the list: show what others changed in it meanwhile. */
  releaseRows(list: string): void {
    const ops = this.held.get(list);
    if (!ops) return;
    this.held.delete(list);
    const shown = this.showRemote(ops, null);
    if (shown.size > 0) this.options.onAnswers(this.local, [...shown]);
    this.adoptOrders();
    if (this.conflicts.size > 0) this.options.onConflicts([...this.conflicts.values()]);
  }

  /** Shows others' ops, except where this tab's own change or a pending choice stands; returns the questions to redraw. */
  private showRemote(ops: readonly AnswerOp[], change: RemoteChange | null): Set<string> {
    const shown = new Set<string>();
    for (const op of ops) {
      const path = opPath(op);
      const waiting = this.held.get(path[0]);
      if (waiting || (path.length === 3 && (this.options.holdsRows?.(path[0]) ?? false))) {
        if (waiting) waiting.push(op);
        else this.held.set(path[0], [op]);
        continue;
      }
      const key = pathKey(path);
      const conflict = this.conflictTouching(op);
      if (conflict) {
        const theirs = valueAt(applyOp(this.local, op), conflict.path) ?? null;
        this.conflicts.set(conflict.key, { ...conflict, theirs, by: change?.by ?? conflict.by, at: change?.at ?? conflict.at, revision: change?.revision ?? this.revision });
        continue;
      }
      // This tab's own change to the same question is on its way; the server will pick one and say so.
      if (this.queued().some((queued) => holdsBack(queued.op, op))) continue;
      this.local = applyOp(this.local, op);
      const inPlace = op.op === 'set' && op.path.length === 3 && (this.options.onRowField?.(op.path, op.value, this.local) ?? false);
      if (!inPlace) shown.add(path[0]);
      if (op.op === 'set') this.seen.set(key, change?.revision ?? this.revision);
      if (change) this.options.onChangedBy?.(key, change.by, change.at);
    }
    return shown;
  }

  /** After a missed change or a new stream: the server's answers, with this tab's queued changes and open conflicts on top. */
  resync(revision: number, answers: Answers): void {
    let local = answers;
    for (const queued of this.queued()) local = applyOp(local, queued.op);
    for (const conflict of this.conflicts.values()) local = applyOp(local, { op: 'set', path: conflict.path, value: conflict.mine });
    const names = new Set([...Object.keys(this.local), ...Object.keys(local)]);
    this.local = local;
    // Everything in the new answers has been seen at this revision; queued changes keep the base they were typed on.
    this.seen.clear();
    this.held.clear();
    this.revision = revision;
    this.seenAllAt = revision;
    this.options.onAnswers(this.local, [...names]);
  }

  /** A person's choice on a conflict: keep what this tab typed (it then wins everywhere), or take the stored answer. */
  resolve(key: string, choice: 'mine' | 'theirs'): void {
    const conflict = this.conflicts.get(key);
    if (!conflict) return;
    this.conflicts.delete(key);
    if (choice === 'mine') {
      if (conflict.rowRemoved) this.enqueue(this.reinsert(conflict.path));
      this.pending.push({ op: { op: 'set', path: conflict.path, value: conflict.mine }, base: conflict.revision });
      this.keepCopy();
      this.setState({ kind: 'pending' });
      this.schedule(0);
    } else {
      const [list, rowId] = conflict.path;
      this.local = conflict.rowRemoved && rowId !== undefined ? applyOp(this.local, { op: 'remove', list, rowId }) : applyOp(this.local, { op: 'set', path: conflict.path, value: conflict.theirs });
      this.seen.set(key, conflict.revision);
      this.options.onAnswers(this.local, [conflict.path[0]]);
      this.keepCopy();
    }
    this.options.onConflicts([...this.conflicts.values()]);
    if (this.conflicts.size === 0 && this.pending.length === 0 && !this.inFlight) this.setState({ kind: 'saved', at: new Date() });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.options.timers.clear(this.timer);
  }

  private baseOf(path: AnswerPath): number {
    return this.seen.get(pathKey(path)) ?? this.seenAllAt ?? this.initialRevision;
  }

  private noteOrders(order: RowOrders | undefined, revision: number): void {
    for (const [list, ids] of Object.entries(order ?? {})) {
      if ((this.orders.get(list)?.revision ?? -1) < revision) this.orders.set(list, { revision, ids });
    }
  }

  /**
   * Puts each list's rows in the stored order once this tab has no row change of its own on the way
   * for it: concurrent inserts may have landed in another order here than on the server, and every
   * screen should show the rows as they are stored.
   */
  private adoptOrders(): void {
    const changed: string[] = [];
    for (const [list, { ids }] of this.orders) {
      if (this.held.has(list) || (this.options.holdsRows?.(list) ?? false)) continue;
      if (this.queued().some((queued) => queued.op.op !== 'set' && queued.op.list === list)) continue;
      const next = inRowOrder(this.local, list, ids);
      if (next !== this.local) {
        this.local = next;
        changed.push(list);
      }
    }
    if (changed.length > 0) this.options.onAnswers(this.local, changed);
  }

  private queued(): QueuedOp[] {
    return [...(this.inFlight ?? []), ...this.pending];
  }

  private conflictTouching(op: AnswerOp): SyncConflict | undefined {
    return [...this.conflicts.values()].find((conflict) => touches(op, conflict.path));
  }

  private enqueue(op: AnswerOp): void {
    if (op.op !== 'set') {
      this.pending.push({ op, base: null });
      return;
    }
    const key = pathKey(op.path);
    const conflict = this.conflicts.get(key);
    // Typing on in a question that waits for a choice changes what "mine" is, nothing else.
    if (conflict) {
      this.conflicts.set(key, { ...conflict, mine: op.value });
      this.options.onConflicts([...this.conflicts.values()]);
      return;
    }
    const waiting = this.pending.findIndex((queued) => queued.op.op === 'set' && samePath(queued.op.path, op.path));
    if (waiting >= 0) {
      this.pending[waiting] = { ...this.pending[waiting]!, op };
      return;
    }
    const flying = this.inFlight?.some((queued) => queued.op.op === 'set' && samePath(queued.op.path, op.path)) ?? false;
    this.pending.push({ op, base: flying ? null : this.baseOf(op.path) });
  }

  /** A removed row brought back with what this tab holds of it, at its place in this tab's list. */
  private reinsert(path: AnswerPath): AnswerOp {
    const [list, rowId] = path as readonly [string, string, string];
    const rows = Array.isArray(this.local[list]) ? (this.local[list] as Record<string, unknown>[]) : [];
    const index = rows.findIndex((row) => row[rowIdKey] === rowId);
    const { [rowIdKey]: _id, ...value } = rows[index] ?? {};
    const before = index > 0 ? rows[index - 1]![rowIdKey] : null;
    return { op: 'insert', list, rowId, after: typeof before === 'string' ? before : null, value };
  }

  private keepCopy(): void {
    const ops = [...this.queued(), ...[...this.conflicts.values()].map((conflict) => ({ op: { op: 'set', path: conflict.path, value: conflict.mine } as AnswerOp, base: conflict.sentBase }))];
    try {
      if (ops.length === 0) this.options.store?.removeItem(queueKey(this.options.assessmentId));
      else this.options.store?.setItem(queueKey(this.options.assessmentId), JSON.stringify({ ops } satisfies StoredQueue));
    } catch {
      // A full or blocked store must not stop the save itself.
    }
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = this.options.timers.set(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private setState(state: SaveState): void {
    if (!this.disposed) this.options.onState(state);
  }

  private wire(queued: QueuedOp): WireOp {
    return queued.op.op === 'set' ? { ...queued.op, base: queued.base ?? this.baseOf(queued.op.path) } : queued.op;
  }

  private async run(): Promise<void> {
    if (this.inFlight || this.blocked || this.pending.length === 0 || this.disposed) return;
    const batch = this.pending.splice(0);
    this.inFlight = batch;
    this.setState({ kind: 'saving' });
    let outcome: SendOutcome;
    try {
      outcome = await this.options.send(batch.map((queued) => this.wire(queued)));
    } catch {
      this.inFlight = null;
      this.pending.unshift(...batch);
      const delays = this.options.retryDelaysMs;
      const inMs = delays[Math.min(this.attempt, delays.length - 1)]!;
      this.attempt += 1;
      this.setState({ kind: 'retrying', attempt: this.attempt, inMs });
      this.schedule(inMs);
      return;
    }
    this.inFlight = null;
    this.attempt = 0;
    if (this.disposed) return;
    if (outcome.kind === 'saved') this.saved(batch, outcome);
    else if (outcome.kind === 'conflict') this.refused(batch, outcome.conflicts, outcome.currentRevision);
    else {
      this.pending.unshift(...batch);
      if (outcome.kind === 'forbidden') this.blocked = true;
      this.setState(outcome);
    }
    this.keepCopy();
  }

  private saved(batch: QueuedOp[], outcome: Extract<SendOutcome, { kind: 'saved' }>): void {
    this.noteOrders(outcome.order, outcome.revision);
    this.adoptOrders();
    for (const queued of batch) if (queued.op.op === 'set') this.seen.set(pathKey(queued.op.path), outcome.revision);
    // Changes typed meanwhile to a question that was in flight start from this save.
    for (const queued of this.pending) if (queued.base === null && queued.op.op === 'set') queued.base = this.baseOf(queued.op.path);
    if (this.pending.length > 0) {
      this.schedule(this.options.delayMs);
      return;
    }
    // A batch that changed nothing (an insert of the first panel, stored already) brings no score: the shown one stands.
    if (outcome.applied.length > 0) this.options.onScored(outcome);
    this.setState(this.conflicts.size > 0 ? { kind: 'conflict', count: this.conflicts.size } : { kind: 'saved', at: new Date() });
  }

  /** The server refused the batch for these questions: they wait for a choice, the rest goes again at once. */
  private refused(batch: QueuedOp[], conflicts: readonly ServerConflict[], currentRevision: number): void {
    const keys = new Set(conflicts.map((conflict) => pathKey(conflict.path)));
    for (const conflict of conflicts) {
      const key = pathKey(conflict.path);
      const later = this.pending.findIndex((queued) => queued.op.op === 'set' && pathKey(queued.op.path) === key);
      const mine = later >= 0 ? (this.pending.splice(later, 1)[0]!.op as Extract<AnswerOp, { op: 'set' }>).value : valueAt(this.local, conflict.path);
      const sent = batch.find((queued) => queued.op.op === 'set' && pathKey(queued.op.path) === key);
      this.conflicts.set(key, {
        sentBase: sent?.base ?? this.baseOf(conflict.path),
        key,
        path: conflict.path,
        mine: mine ?? null,
        theirs: conflict.stored,
        rowRemoved: conflict.rowRemoved,
        by: conflict.changedBy,
        at: conflict.changedAt,
        revision: conflict.revision ?? currentRevision,
      });
    }
    this.pending.unshift(...batch.filter((queued) => queued.op.op !== 'set' || !keys.has(pathKey(queued.op.path))));
    this.options.onConflicts([...this.conflicts.values()]);
    this.setState({ kind: 'conflict', count: this.conflicts.size });
    if (this.pending.length > 0) this.schedule(0);
  }
}
