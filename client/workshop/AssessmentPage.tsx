import { useEffect, useState } from 'react';
import type { Assessment } from '../contract/api-types';
import { Link } from '../components/Link';
import { SignOffPanel } from '../sign-off/SignOffPanel';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { usePermission } from '../session/usePermission';
import { useApi, type ApiState } from '../useApi';
import type { SaveState } from './autosave';
import { loadWorkshopContent, type WorkshopContent } from './workshop-content';
import { EconomyThresholds } from './EconomyThresholds';
import { Workshop } from './Workshop';

/** The lazily loaded route: SurveyJS and scoring/ arrive only with it. */
export default function AssessmentPage({ id }: { id: string }) {
  const { state, retry } = useApi<'/api/assessments/:id'>(`/api/assessments/${id}`);
  return <LoadState state={state} retry={retry}>{(assessment) => <Loaded assessment={assessment} />}</LoadState>;
}

function Loaded({ assessment }: { assessment: Assessment }) {
  const { t } = useLanguage();
  const asset = useApi<'/api/assets/:id'>(`/api/assets/${assessment.assetId}`);
  const [content, setContent] = useState<ApiState<WorkshopContent>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    loadWorkshopContent(assessment, controller.signal).then(
      (data) => setContent({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setContent({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- a new attempt is what re-runs the request
  }, [assessment, attempt]);
  // The newest state for the sign-off panel; the workshop restarts when the status changes, or when a
  // sign-off step outside utkast rescored it (the DSO's advice, the decision on an exemption), never on its own saves.
  const [current, setCurrent] = useState(assessment);
  const [started, setStarted] = useState(assessment);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const onChanged = (updated: Assessment) => {
    setCurrent(updated);
    if (updated.status !== started.status || updated.status !== 'utkast') setStarted(updated);
  };
  const assetName = asset.state.status === 'ready' ? asset.state.data.name : '';
  // Someone who may not edit (a granskare, a beslutsfattare) sees the questionnaire in display mode.
  const mayEdit = usePermission('assessment.edit', assessment.organisationId);
  return (
    <article aria-labelledby="assessment-heading" className="workshop">
      <p><Link href={paths.asset(assessment.assetId)}>← {t('backToAsset', { name: assetName || '…' })}</Link></p>
      <h1 id="assessment-heading">
        {t(`kind.${assessment.kind}`)}{assetName && `: ${assetName}`}
      </h1>
      <LoadState state={mayEdit === 'unknown' ? { status: 'loading' } : content} retry={() => setAttempt((count) => count + 1)}>
        {(loaded) => (
          <>
            <SignOffPanel assessment={current} assetName={assetName} savePending={saveState.kind !== 'idle' && saveState.kind !== 'saved'} onChanged={onChanged} />
            {loaded.model && asset.state.status === 'ready' && (
              <EconomyThresholds model={loaded.model} organisationId={asset.state.data.organisationId} organisationName={asset.state.data.organisationName} />
            )}
            <Workshop key={`${started.id}:${started.status}:${started.revision}:${started.summary ?? ''}:${mayEdit}`} initial={started} content={loaded} mayEdit={mayEdit === 'allowed'} onSaved={setCurrent} onSaveState={setSaveState} />
          </>
        )}
      </LoadState>
    </article>
  );
}
