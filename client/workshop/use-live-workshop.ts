import { useCallback, useEffect, useRef, useState } from 'react';
import type { Model, Question } from 'survey-core';
import { isRowList, legacyRowId, rowIdKey, sameValue, withRowIds } from '../../scoring/survey/answer-ops';
import { getJson, sendJson } from '../api';
import type { Answers, Assessment } from '../contract/api-types';
import { isLargeText } from '../components/useLargeText';
import { AnswerSync, type Person, type SaveState, type ScoredState, type SyncConflict } from './autosave';
import { changesSender } from './changes-request';
import { newClientId, openLiveStream, type PresentPerson } from './live-stream';

/** A change someone else made, for "ändrat av Omar för 2 min sedan". */
export interface RemoteNote {
  key: string;
  question: string;
  by: Person;
  at: string;
}

export interface LiveWorkshop {
  saveState: SaveState;
  conflicts: readonly SyncConflict[];
  people: readonly PresentPerson[];
  notes: readonly RemoteNote[];
  clientId: string;
  leading: boolean;
  restored: boolean;
  resolve(key: string, choice: 'mine' | 'theirs'): void;
  setLeading(on: boolean): void;
  flush(): void;
}

interface LiveOptions {
  model: Model;
  initial: Assessment;
  editable: boolean;
  /** The answers changed (typed here or arrived): the preview follows. */
  onAnswers(answers: Answers): void;
  /** The server scored the stored answers. */
  onScored(scored: ScoredState): void;
  onSaveState?(state: SaveState): void;
}

function newRowId(): string {
  return crypto.randomUUID();
}

type DynamicList = Question & { minPanelCount?: number; panelCount?: number; minRowCount?: number; rowCount?: number };

/**
 * How many rows the form draws by itself for each dynamic list that holds none yet (the informationsmängder's
 * first panel: minPanelCount 1). Every browser draws them, and gives them a place in the answers the first time
 * it shows the page, so they must get the same ids everywhere (see rowIdFor).
 */
function drawnRows(model: Model): Map<string, number> {
  const counts = new Map<string, number>();
  for (const question of model.getAllQuestions() as DynamicList[]) {
    if (!question.isEmpty()) continue;
    const type = question.getType();
    const panels = Math.max(question.minPanelCount ?? 0, question.panelCount ?? 0);
    const rows = Math.max(question.minRowCount ?? 0, question.rowCount ?? 0);
    const count = type === 'paneldynamic' ? panels : type === 'matrixdynamic' ? rows : 0;
    if (count > 0) counts.set(question.getValueName(), count);
  }
  return counts;
}

/** The top-level question a SurveyJS question belongs to: a panel's or row's own questions answer to their list. */
function topLevelName(question: Question): string {
  let current: Question = question;
  while (current.parentQuestion) current = current.parentQuestion;
  return current.getValueName();
}

/** Follows the facilitator: their page, and their question brought into view. */
function follow(model: Model, leader: PresentPerson): void {
  const page = leader.page ? model.getPageByName(leader.page) : null;
  if (page && model.currentPage !== page) model.currentPage = page;
  const question = leader.question ? model.getQuestionByName(leader.question) : null;
  const element = question ? document.getElementById(question.id) : null;
  // An attribute, not a class: React re-renders SurveyJS's class names and would drop ours.
  document.querySelectorAll('[data-led-question]').forEach((node) => node.removeAttribute('data-led-question'));
  element?.setAttribute('data-led-question', '');
  element?.scrollIntoView({ block: 'center' });
}

/**
 * The live workshop for one open assessment: typing becomes changes (autosave.ts), everyone's
 * changes and presence arrive over the live stream, and a projector follows whoever leads.
 */
export function useLiveWorkshop({ model, initial, editable, onAnswers, onScored, onSaveState }: LiveOptions): LiveWorkshop {
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [conflicts, setConflicts] = useState<readonly SyncConflict[]>([]);
  const [people, setPeople] = useState<readonly PresentPerson[]>([]);
  const [notes, setNotes] = useState<readonly RemoteNote[]>([]);
  const [leading, setLeadingState] = useState(false);
  const [restored, setRestored] = useState(false);
  const [clientId] = useState(newClientId);
  const sync = useRef<AnswerSync | null>(null);
  const place = useRef<{ page: string | null; question: string | null; leading: boolean }>({ page: model.currentPage?.name ?? null, question: null, leading: false });
  // The parent's callbacks through a ref, so a new function from it does not restart the sync.
  const callbacks = useRef({ onAnswers, onScored, onSaveState });
  useEffect(() => {
    callbacks.current = { onAnswers, onScored, onSaveState };
  });

  const announce = useCallback(() => {
    void sendJson<'POST /api/assessments/:id/presence'>('POST', `/api/assessments/${initial.id}/presence`, { clientId, ...place.current }).catch(() => undefined);
  }, [initial.id, clientId]);

  useEffect(() => {
    // Every keystroke reaches the answers (SurveyJS keeps text in the input until it loses focus otherwise).
    // oxlint-disable-next-line react/immutability -- a SurveyJS model is mutable by design
    model.textUpdateMode = 'onTyping';
    let applying = false;
    const showAnswers = (answers: Answers, names: readonly string[]) => {
      applying = true;
      try {
        for (const name of names) {
          if (answers[name] === undefined) model.clearValue(name);
          else model.setValue(name, answers[name]);
        }
      } finally {
        applying = false;
      }
      callbacks.current.onAnswers(answers);
    };
    const showRowField = (path: readonly [string, string, string], value: unknown, answers: Answers): boolean => {
      const [list, rowId, field] = path;
      const rows = answers[list];
      const index = Array.isArray(rows) ? (rows as Record<string, unknown>[]).findIndex((row) => row[rowIdKey] === rowId) : -1;
      // Only a row the form already holds at that place is changed in place: a row that arrived in the same change
      // is not in the form yet, and asking an undrawn list for its panels makes SurveyJS build them from what it holds.
      const shown = model.getValue(list) as Record<string, unknown>[] | undefined;
      if (index < 0 || !Array.isArray(shown) || shown[index]?.[rowIdKey] !== rowId) return false;
      const question = model.getQuestionByName(list) as (Question & { panels?: { getQuestionByName(name: string): Question | null }[]; visibleRows?: { getQuestionByColumnName(name: string): Question | null }[] }) | null;
      applying = true;
      try {
        // Building panels or rows may set the list's value: that is the form's own doing, never a change typed here.
        const cell = question?.panels?.[index]?.getQuestionByName(field) ?? question?.visibleRows?.[index]?.getQuestionByColumnName(field) ?? null;
        if (!cell) return false;
        cell.value = value ?? undefined;
      } finally {
        applying = false;
      }
      callbacks.current.onAnswers(answers);
      return sameValue(model.getValue(list), rows);
    };
    const listElement = (list: string) => {
      const question = model.getQuestionByName(list);
      return question ? document.getElementById(question.id) : null;
    };
    const holdsRows = (list: string) => {
      const active = document.activeElement;
      return active !== null && active !== document.body && (listElement(list)?.contains(active) ?? false);
    };
    const setState = (state: SaveState) => {
      setSaveState(state);
      callbacks.current.onSaveState?.(state);
    };
    const autosave = new AnswerSync({
      assessmentId: initial.id,
      clientId,
      revision: initial.revision,
      answers: withRowIds(initial.answers),
      send: changesSender(initial.id, clientId),
      store: window.sessionStorage,
      onAnswers: showAnswers,
      onRowField: showRowField,
      holdsRows,
      onState: setState,
      onConflicts: (open) => setConflicts([...open]),
      onScored: (scored) => callbacks.current.onScored(scored),
      onChangedBy: (key, by, at) => {
        const question = (JSON.parse(key) as string[])[0]!;
        setNotes((previous) => [{ key, question, by, at }, ...previous.filter((note) => note.key !== key)].slice(0, 3));
      },
    });
    sync.current = autosave;
    const drawn = drawnRows(model);
    /**
     * The id for a row of this list that has none yet. A row the form drew by itself, while this tab knows no stored
     * row of the list, gets the id derived from its position: a random one per browser made two rows of the one first
     * panel when two browsers drew it before seeing each other's (issue 14's lost panel name). Rows added by a person
     * get random ids, so two people's additions stay two rows.
     */
    const rowIdFor = (list: string) => {
      const known = isRowList(autosave.answers[list]);
      return (index: number) => (!known && index < (drawn.get(list) ?? 0) ? legacyRowId(index) : newRowId());
    };
    const onValueChanged = (_sender: Model, options: { name: string; value: unknown }) => {
      if (applying || !editable) return;
      // A row added here gets its stable id at once, before anyone else can address it by position.
      if (isRowList(options.value) && options.value.some((row) => typeof row[rowIdKey] !== 'string')) {
        model.setValue(options.name, withRowIds({ [options.name]: options.value }, rowIdFor(options.name))[options.name]);
      }
      const answers = model.data as Answers;
      autosave.localChange(answers, [options.name]);
      callbacks.current.onAnswers(answers);
    };
    // A matrix row added here holds no value until a cell is filled, so a change from someone else
    // would drop it: it gets its id, and with it a place in the answers, at once.
    const onRowAdded = (_sender: Model, options: { question: { name: string; value: unknown; visibleRows: unknown[] } }) => {
      if (applying || !editable) return;
      const { question } = options;
      const current = Array.isArray(question.value) ? (question.value as Record<string, unknown>[]) : [];
      const rows = question.visibleRows.map((_row, index) => current[index] ?? {});
      model.setValue(question.name, withRowIds({ [question.name]: rows }, rowIdFor(question.name))[question.name]);
    };
    const onPage = () => {
      place.current = { ...place.current, page: model.currentPage?.name ?? null };
      announce();
    };
    const onFocus = (_sender: Model, options: { question: Question }) => {
      place.current = { ...place.current, question: topLevelName(options.question) };
      announce();
    };
    model.onValueChanged.add(onValueChanged);
    model.onMatrixRowAdded.add(onRowAdded);
    model.onCurrentPageChanged.add(onPage);
    model.onFocusInQuestion.add(onFocus);
    if (editable && autosave.restore()) setRestored(true);
    const resync = async () => {
      const fresh = await getJson<'/api/assessments/:id'>(`/api/assessments/${initial.id}`);
      autosave.resync(fresh.revision, withRowIds(fresh.answers));
      callbacks.current.onScored({ result: fresh.result, missing: fresh.missing });
    };
    const close = openLiveStream(initial.id, clientId, {
      onHello: (revision, present) => {
        setPeople(present);
        if (place.current.page || place.current.leading) announce();
        if (revision !== autosave.knownRevision) void resync().catch(() => undefined);
      },
      onChange: (change) => {
        if (!autosave.remote(change)) void resync().catch(() => undefined);
      },
      onPresence: (present) => {
        setPeople(present);
        const leader = present.find((person) => person.leading);
        if (leader && leader.clientId !== clientId && isLargeText()) follow(model, leader);
        if (leader && leader.clientId !== clientId && place.current.leading) {
          place.current = { ...place.current, leading: false };
          setLeadingState(false);
        }
      },
    });
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosave.hasUnsaved) return;
      autosave.sendNow();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    // Leaving a list shows what others changed in it while someone here was typing there.
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget instanceof Node ? event.relatedTarget : null;
      for (const list of autosave.heldLists) if (!next || !listElement(list)?.contains(next)) autosave.releaseRows(list);
    };
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusout', onFocusOut);
      // Leaving the page sends what waits now; the stored copy covers it if that fails.
      autosave.sendNow();
      autosave.dispose();
      close();
      model.onValueChanged.remove(onValueChanged);
      model.onMatrixRowAdded.remove(onRowAdded);
      model.onCurrentPageChanged.remove(onPage);
      model.onFocusInQuestion.remove(onFocus);
      window.removeEventListener('beforeunload', beforeUnload);
      sync.current = null;
    };
  }, [model, initial, editable, clientId, announce]);

  const resolve = useCallback((key: string, choice: 'mine' | 'theirs') => sync.current?.resolve(key, choice), []);
  const setLeading = useCallback(
    (on: boolean) => {
      place.current = { ...place.current, leading: on };
      setLeadingState(on);
      announce();
    },
    [announce],
  );
  const flush = useCallback(() => sync.current?.flush(), []);
  return { saveState, conflicts, people, notes, clientId, leading, restored, resolve, setLeading, flush };
}
