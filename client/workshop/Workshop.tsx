import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CompletingEvent, Model } from 'survey-core';
import 'survey-core/survey-core.fontless.css';
import { Survey } from 'survey-react-ui';
import { getJson, sendJson } from '../api';
import type { Answers, Assessment } from '../api-types';
import { isLargeText } from '../components/useLargeText';
import { useLanguage } from '../i18n/LanguageProvider';
import { navigate } from '../navigation';
import { paths } from '../routes';
import { Autosaver, readUnsaved, type SaveState } from './autosave';
import { ConflictPanel } from './ConflictPanel';
import { type ResultView, previewResult, storedResult } from './live-result';
import { ResultPanel } from './ResultPanel';
import { TemplateFloorLive } from '../templates/TemplateFloorLive';
import { SaveStatus } from './SaveStatus';
import { answersSaver } from './save-request';
import { applyWorkshopTheme, createWorkshopModel } from './survey-model';
import type { WorkshopContent } from './workshop-content';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function questionTitle(model: Model, name: string): string {
  const question = model.getQuestionByName(name);
  return question ? question.processedTitle || question.title || name : name;
}

/** The top-level question an API field error names (body.answers.informationsmangder[0].namn → informationsmangder). */
function questionOf(field: string): string {
  return field.replace(/^body\.answers\./, '').split(/[.[]/)[0]!;
}

interface WorkshopProps {
  initial: Assessment;
  content: WorkshopContent;
  /** Whether the user's roles allow editing answers here; without it the questionnaire is display-only. */
  mayEdit: boolean;
  /** Each save the server acknowledged, and each change of the save state: the sign-off panel follows them. */
  onSaved?(saved: Assessment): void;
  onSaveState?(state: SaveState): void;
}

/**
 * The questionnaire with autosave, conflict handling and the live result in a strip above it. Outside
 * utkast, or for someone who may not edit, it is shown read-only (SurveyJS display mode); sending it för
 * granskning is the sign-off panel's job.
 */
export function Workshop({ initial, content, mayEdit, onSaved, onSaveState }: WorkshopProps) {
  const { t, language } = useLanguage();
  const [assessment, setAssessment] = useState(initial);
  const editable = initial.status === 'utkast' && mayEdit;
  const model = useMemo(
    () => createWorkshopModel(content.form, initial.answers, { readOnly: !editable, language, largeText: isLargeText() }),
    // The model lives as long as the assessment is open; language and theme are set on it below.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    [content, initial.id],
  );
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [view, setView] = useState<{ source: 'server' | 'live'; result: ResultView | null }>(() => ({ source: 'server', result: storedResult(initial.kind, initial.result) }));
  const [restored, setRestored] = useState(false);
  const saver = useRef<Autosaver | null>(null);
  // The parent's callbacks through a ref, so a new function from it does not restart autosave.
  const listeners = useRef({ onSaved, onSaveState });
  useEffect(() => {
    listeners.current = { onSaved, onSaveState };
  });

  useEffect(() => {
    // oxlint-disable-next-line react/immutability -- a SurveyJS model is mutable by design; locale is its API
    model.locale = language;
    model.completeText = language === 'sv' ? 'Spara nu' : 'Save now';
  }, [model, language]);

  useEffect(() => {
    const onLargeText = () => applyWorkshopTheme(model, isLargeText());
    window.addEventListener('sigill-large-text', onLargeText);
    return () => window.removeEventListener('sigill-large-text', onLargeText);
  }, [model]);

  useEffect(() => {
    if (!editable) return undefined;
    const store = window.sessionStorage;
    const unsaved = readUnsaved(store, initial.id);
    const autosaver = new Autosaver({
      assessmentId: initial.id,
      revision: unsaved ? unsaved.baseRevision : initial.revision,
      save: answersSaver(initial.id),
      store,
      onState: (state) => {
        setSaveState(state);
        listeners.current.onSaveState?.(state);
      },
      onSaved: (saved, stillDirty) => {
        setAssessment(saved);
        listeners.current.onSaved?.(saved);
        if (!stillDirty) setView({ source: 'server', result: storedResult(saved.kind, saved.result) });
      },
    });
    saver.current = autosaver;
    const compute = (answers: Answers) => setView({ source: 'live', result: previewResult(initial.kind, content, answers, today()) });
    const onChange = () => {
      const answers = model.data as Answers;
      autosaver.change(answers);
      compute(answers);
    };
    const onCompleting = (_sender: Model, options: CompletingEvent) => {
      options.allow = false;
      autosaver.flush();
    };
    model.onValueChanged.add(onChange);
    model.onCompleting.add(onCompleting);
    // Answers that never reached the server (a closed tab, a lost network) come back and are saved.
    if (unsaved && JSON.stringify(unsaved.answers) !== JSON.stringify(initial.answers)) {
      model.data = unsaved.answers;
      setRestored(true);
      autosaver.change(unsaved.answers);
      compute(unsaved.answers);
    }
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosaver.hasUnsaved) return;
      autosaver.flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      autosaver.flush();
      model.onValueChanged.remove(onChange);
      model.onCompleting.remove(onCompleting);
      window.removeEventListener('beforeunload', beforeUnload);
      autosaver.dispose();
      saver.current = null;
    };
  }, [model, editable, initial, content]);

  const reloadTheirs = useCallback(async () => {
    const fresh = await getJson<Assessment>(`/api/assessments/${initial.id}`);
    model.data = fresh.answers;
    saver.current?.acceptServer(fresh);
    setAssessment(fresh);
    setView({ source: 'server', result: storedResult(fresh.kind, fresh.result) });
  }, [initial.id, model]);

  const keepMine = useCallback(() => {
    if (saveState.kind === 'conflict') saver.current?.keepMine(saveState.currentRevision);
  }, [saveState]);

  const startDpia = useCallback(async () => {
    const started = await sendJson<Assessment>('POST', `/api/assets/${initial.assetId}/assessments`, { kind: 'dpia' });
    navigate(paths.assessment(started.id));
  }, [initial.assetId]);

  const missing = assessment.missing.length;
  return (
    <>
      <div className="workshop-bar">
        {editable && <SaveStatus state={saveState} />}
        {!editable && (
          <p className="notice notice-info" data-testid="read-only">
            {initial.status === 'utkast' ? t('workshop.readOnly') : t('frozen', { status: t(`assessmentStatus.${assessment.status}`) })}
          </p>
        )}
        {editable && (
          <p className="muted" data-testid="missing-count">{missing > 0 ? t('missingCount', { count: missing }) : t('completeReady')}</p>
        )}
      </div>
      {restored && <p className="notice notice-info" role="status">{t('restoredUnsaved')}</p>}
      {saveState.kind === 'conflict' && (
        <ConflictPanel
          questions={saveState.changedQuestions.map((name) => ({ name, title: questionTitle(model, name) }))}
          onReload={() => void reloadTheirs()}
          onKeepMine={keepMine}
        />
      )}
      {saveState.kind === 'invalid' && saveState.errors.length > 0 && (
        <ul className="notice notice-error">
          {saveState.errors.map((error) => <li key={error.field}>{t('workshop.answerRejected', { question: questionTitle(model, questionOf(error.field)) })}</li>)}
        </ul>
      )}
      <div className="workshop-layout">
        {/* A strip above the questionnaire, which gets the whole width; the room folds it away when it needs the space. */}
        <details className="workshop-result" open data-testid="result-strip">
          <summary>
            <h2 id="result-heading">{t('resultHeading')}</h2>
            <span className="muted result-source" data-testid="result-source" data-source={view.source}>{view.source === 'live' ? t('resultLive') : t('resultServer')}</span>
          </summary>
          <div aria-live="polite" aria-atomic="false" className="result-body">
            <ResultPanel view={view.result} riskModel={content.riskModel?.riskModel} content={content} onStartDpia={editable || (mayEdit && assessment.kind === 'dpia-screening') ? () => void startDpia() : undefined} />
            {view.result?.kind === 'classification' && <TemplateFloorLive assetId={initial.assetId} classification={view.result.classification} />}
          </div>
        </details>
        <section className="workshop-form" aria-label={content.form.meta.title}>
          <Survey model={model} />
        </section>
      </div>
    </>
  );
}
