import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CompletingEvent, Model } from 'survey-core';
import 'survey-core/survey-core.fontless.css';
import { Survey } from 'survey-react-ui';
import { sendJson } from '../api';
import type { Answers, Assessment } from '../contract/api-types';
import { isLargeText } from '../components/useLargeText';
import { useLanguage } from '../i18n/LanguageProvider';
import { navigate } from '../navigation';
import { paths } from '../routes';
import type { SaveState, ScoredState } from './autosave';
import { withRowIds } from '../../scoring/survey/answer-ops';
import { ConflictPanel } from './ConflictPanel';
import { PresenceBar } from './PresenceBar';
import { useLiveWorkshop } from './use-live-workshop';
import { type ResultView, previewResult, storedResult } from './live-result';
import { ResultPanel } from './ResultPanel';
import { TemplateFloorLive } from '../templates/TemplateFloorLive';
import { SaveStatus } from './SaveStatus';
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
  /** The stored assessment after each save here or anyone's change: the sign-off panel follows it. */
  onSaved?(saved: Assessment): void;
  onSaveState?(state: SaveState): void;
}

/**
 * The questionnaire, live with everyone on the assessment, with conflict handling and the result in a
 * strip above it. Outside utkast, or for someone who may not edit, it is shown read-only (SurveyJS
 * display mode); sending it för granskning is the sign-off panel's job.
 */
export function Workshop({ initial, content, mayEdit, onSaved, onSaveState }: WorkshopProps) {
  const { t, language } = useLanguage();
  const [assessment, setAssessment] = useState(initial);
  const editable = initial.status === 'utkast' && mayEdit;
  const model = useMemo(
    // Rows carry stable ids; rows stored before ids existed get the ones every reader derives alike.
    () => createWorkshopModel(content.form, withRowIds(initial.answers), { readOnly: !editable, language, largeText: isLargeText() }),
    // The model lives as long as the assessment is open; language and theme are set on it below.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    [content, initial.id],
  );
  const [view, setView] = useState<{ source: 'server' | 'live'; result: ResultView | null }>(() => ({ source: 'server', result: storedResult(initial.kind, initial.result) }));
  // The parent's callbacks through a ref, so a new function from it does not restart the live sync.
  const listeners = useRef({ onSaved, onSaveState });
  useEffect(() => {
    listeners.current = { onSaved, onSaveState };
  });
  const onAnswers = useCallback((answers: Answers) => setView({ source: 'live', result: previewResult(initial.kind, content, answers, today()) }), [initial.kind, content]);
  const onScored = useCallback(
    (scored: ScoredState) => {
      setView({ source: 'server', result: storedResult(initial.kind, scored.result) });
      setAssessment((current) => ({ ...current, result: scored.result, missing: scored.missing }));
    },
    [initial.kind],
  );
  useEffect(() => {
    if (assessment !== initial) listeners.current.onSaved?.(assessment);
  }, [assessment, initial]);
  const live = useLiveWorkshop({ model, initial, editable, onAnswers, onScored, onSaveState: (state) => listeners.current.onSaveState?.(state) });
  const { saveState, flush } = live;

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
    const onCompleting = (_sender: Model, options: CompletingEvent) => {
      options.allow = false;
      flush();
    };
    model.onCompleting.add(onCompleting);
    return () => model.onCompleting.remove(onCompleting);
  }, [model, flush]);

  const startDpia = useCallback(async () => {
    const started = await sendJson<'POST /api/assets/:assetId/assessments'>('POST', `/api/assets/${initial.assetId}/assessments`, { kind: 'dpia' });
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
      <PresenceBar model={model} people={live.people} notes={live.notes} clientId={live.clientId} leading={live.leading} onLead={live.setLeading} />
      {live.restored && <p className="notice notice-info" role="status">{t('restoredUnsaved')}</p>}
      {live.conflicts.length > 0 && <ConflictPanel model={model} conflicts={live.conflicts} onResolve={live.resolve} />}
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
