import type { Answers, Assessment } from '../api-types';

/** What one save attempt came to; the network layer maps HTTP onto these. */
export type SaveOutcome =
  | { kind: 'saved'; assessment: Assessment }
  | { kind: 'conflict'; currentRevision: number; changedQuestions: string[] }
  | { kind: 'invalid'; errors: { field: string; message: string }[] }
  | { kind: 'forbidden'; message: string };

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; attempt: number; inMs: number }
  | { kind: 'conflict'; currentRevision: number; changedQuestions: string[] }
  | { kind: 'invalid'; errors: { field: string; message: string }[] }
  | { kind: 'forbidden'; message: string };

export interface UnsavedCopy {
  baseRevision: number;
  answers: Answers;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AutosaveOptions {
  assessmentId: string;
  revision: number;
  save(baseRevision: number, answers: Answers): Promise<SaveOutcome>;
  onState(state: SaveState): void;
  onSaved(assessment: Assessment, stillDirty: boolean): void;
  store?: KeyValueStore | undefined;
  delayMs?: number;
  /** Waits between retries after a network error, the last one repeated. */
  retryDelaysMs?: readonly number[];
  timers?: { set(callback: () => void, ms: number): unknown; clear(handle: unknown): void };
}

export function unsavedKey(assessmentId: string): string {
  return `sigill.unsaved.${assessmentId}`;
}

/** Reads a copy of answers that never reached the server (a closed tab, a lost network). */
export function readUnsaved(store: KeyValueStore | undefined, assessmentId: string): UnsavedCopy | null {
  const raw = store?.getItem(unsavedKey(assessmentId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as UnsavedCopy;
    return typeof parsed.baseRevision === 'number' && typeof parsed.answers === 'object' && parsed.answers !== null ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Autosave for one assessment: debounces changes, sends the whole answer set with the revision it
 * starts from, keeps a copy in the store until the server has it, retries after network errors,
 * and stops on a conflict until the user chooses (never overwriting someone else's answers).
 */
export class Autosaver {
  private revision: number;
  private answers: Answers | null = null;
  private dirty = false;
  private inFlight = false;
  private blocked = false;
  private timer: unknown = null;
  private attempt = 0;
  private disposed = false;
  private readonly options: Required<Pick<AutosaveOptions, 'delayMs' | 'retryDelaysMs' | 'timers'>> & AutosaveOptions;

  constructor(options: AutosaveOptions) {
    this.options = {
      delayMs: 800,
      retryDelaysMs: [1000, 2000, 5000, 10000, 30000],
      timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
      ...options,
    };
    this.revision = options.revision;
  }

  get baseRevision(): number {
    return this.revision;
  }

  get hasUnsaved(): boolean {
    return this.dirty || this.inFlight;
  }

  /** A change in the form: remember it at once, save after the debounce. */
  change(answers: Answers): void {
    this.answers = answers;
    this.dirty = true;
    this.keepCopy();
    if (this.blocked) return;
    this.setState({ kind: 'pending' });
    this.schedule(this.options.delayMs);
  }

  /** Save now (leaving the page, pressing a button); a no-op when nothing waits. */
  flush(): void {
    if (this.blocked || !this.dirty) return;
    this.schedule(0);
  }

  /** After a conflict: save my answers on top of the newer revision. */
  keepMine(currentRevision: number): void {
    this.revision = currentRevision;
    this.blocked = false;
    this.dirty = this.answers !== null;
    this.keepCopy();
    this.schedule(0);
  }

  /** After a conflict: take the server's answers; mine are dropped by the user's choice. */
  acceptServer(assessment: Assessment): void {
    this.revision = assessment.revision;
    this.answers = null;
    this.dirty = false;
    this.blocked = false;
    this.options.store?.removeItem(unsavedKey(this.options.assessmentId));
    this.setState({ kind: 'saved', at: new Date() });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.options.timers.clear(this.timer);
  }

  private keepCopy(): void {
    if (!this.answers) return;
    const copy: UnsavedCopy = { baseRevision: this.revision, answers: this.answers };
    try {
      this.options.store?.setItem(unsavedKey(this.options.assessmentId), JSON.stringify(copy));
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

  private async run(): Promise<void> {
    if (this.inFlight || this.blocked || !this.dirty || !this.answers || this.disposed) return;
    const answers = this.answers;
    this.dirty = false;
    this.inFlight = true;
    this.setState({ kind: 'saving' });
    let outcome: SaveOutcome;
    try {
      outcome = await this.options.save(this.revision, answers);
    } catch {
      this.inFlight = false;
      this.dirty = true;
      const delays = this.options.retryDelaysMs;
      const inMs = delays[Math.min(this.attempt, delays.length - 1)]!;
      this.attempt += 1;
      this.setState({ kind: 'retrying', attempt: this.attempt, inMs });
      this.schedule(inMs);
      return;
    }
    this.inFlight = false;
    this.attempt = 0;
    if (this.disposed) return;
    if (outcome.kind === 'saved') {
      this.revision = outcome.assessment.revision;
      if (!this.dirty) this.options.store?.removeItem(unsavedKey(this.options.assessmentId));
      else this.keepCopy();
      this.options.onSaved(outcome.assessment, this.dirty);
      if (this.dirty) this.schedule(this.options.delayMs);
      else this.setState({ kind: 'saved', at: new Date() });
      return;
    }
    // Conflict, invalid or forbidden: the answers stay in the store and wait for the user.
    this.dirty = true;
    if (outcome.kind === 'conflict') {
      this.blocked = true;
      this.setState(outcome);
    } else if (outcome.kind === 'invalid') {
      this.setState(outcome);
    } else {
      this.blocked = true;
      this.setState(outcome);
    }
  }
}
