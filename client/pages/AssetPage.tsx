import { useState } from 'react';
import { sendJson } from '../api';
import type { AssessmentKind, Asset } from '../contract/api-types';
import { screeningPrompt } from '../domain/screening-prompt';
import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { ProfileBadges } from '../components/ProfileBadges';
import { StatusBadge } from '../components/StatusBadge';
import { useLanguage } from '../i18n/LanguageProvider';
import type { MessageKey } from '../i18n/messages';
import { messages } from '../i18n/messages';
import { navigate } from '../navigation';
import { paths } from '../routes';
import { usePermission } from '../session/usePermission';
import { useApi } from '../useApi';
import { ExportLinks } from '../oversight/ExportLinks';
import { AssetSignOff } from '../sign-off/AssetSignOff';
import { AssetTemplates } from '../templates/AssetTemplates';
import { PlanSummary } from './PlanSummary';
import { errorMessageKey } from '../i18n/api-errors';

export function AssetPage({ id }: { id: string }) {
  const asset = useApi<'/api/assets/:id'>(`/api/assets/${id}`);
  return <LoadState state={asset.state} retry={asset.retry}>{(loaded) => <AssetView asset={loaded} />}</LoadState>;
}

function AssetView({ asset }: { asset: Asset }) {
  const { t, formatDate } = useLanguage();
  const assessments = useApi<'/api/assets/:assetId/assessments'>(`/api/assets/${asset.id}/assessments`);
  const plan = useApi<'/api/assets/:assetId/plan'>(`/api/assets/${asset.id}/plan`);
  const history = useApi<'/api/assets/:id/history'>(`/api/assets/${asset.id}/history?limit=50`);
  const [startError, setStartError] = useState<string | null>(null);
  const start = async (kind: AssessmentKind) => {
    setStartError(null);
    try {
      const started = await sendJson<'POST /api/assets/:assetId/assessments'>('POST', `/api/assets/${asset.id}/assessments`, { kind });
      navigate(paths.assessment(started.id));
    } catch (error) {
      setStartError(t('saveFailed', { message: t(errorMessageKey(error)) }));
    }
  };
  const canStart = usePermission('assessment.start', asset.organisationId) === 'allowed' && !asset.archivedAt;
  const canEdit = usePermission('asset.write', asset.organisationId) === 'allowed' && !asset.archivedAt;
  const actionLabel = (action: string) => {
    const key = `action.${action}`;
    return key in messages.sv ? t(key as MessageKey) : action;
  };
  return (
    <article aria-labelledby="asset-heading">
      <p><Link href={paths.inventory()}>← {t('backToInventory')}</Link></p>
      <div className="page-title">
        <h1 id="asset-heading">{asset.name}</h1>
        {canEdit && <Link href={paths.editAsset(asset.id)} className="button">{t('edit')}</Link>}
      </div>
      <p className="asset-summary">
        <StatusBadge status={asset.classificationStatus} /> <ProfileBadges profile={asset.profile} />
        {asset.archivedAt && <span className="badge">{t('archived')}</span>}
      </p>
      <div className="columns">
        <section aria-labelledby="details-heading" className="panel">
          <h2 id="details-heading">{t('details')}</h2>
          <dl className="details">
            <dt>{t('fieldType')}</dt><dd>{t(`type.${asset.type}`)}</dd>
            <dt>{t('colOrganisation')}</dt><dd>{asset.organisationName}</dd>
            {asset.description && <><dt>{t('fieldDescription')}</dt><dd>{asset.description}</dd></>}
            <dt>{t('fieldInformationsagare')}</dt><dd>{asset.informationsagare || '–'}</dd>
            <dt>{t('fieldObjektagare')}</dt><dd>{asset.objektagare || '–'}</dd>
            <dt>{t('fieldHosting')}</dt><dd>{asset.hosting ? t(`hosting.${asset.hosting}`) : t('hostingUnknown')}</dd>
            {asset.suppliers.length > 0 && <><dt>{t('fieldSuppliers')}</dt><dd>{asset.suppliers.join(', ')}</dd></>}
            {asset.tags.length > 0 && <><dt>{t('fieldTags')}</dt><dd>{asset.tags.join(', ')}</dd></>}
            <dt>{t('nextReview')}</dt><dd>{asset.nextReviewAt ? formatDate(asset.nextReviewAt) : '–'}</dd>
          </dl>
        </section>
        <section aria-labelledby="plan-summary-heading" className="panel">
          <h2 id="plan-summary-heading">{t('planSummaryHeading')}</h2>
          <LoadState state={plan.state} retry={plan.retry}>{({ items }) => <PlanSummary assetId={asset.id} items={items} />}</LoadState>
        </section>
      </div>
      <section aria-labelledby="assessments-heading" className="panel">
        <h2 id="assessments-heading">{t('assessmentsHeading')}</h2>
        <LoadState state={assessments.state} retry={assessments.retry}>
          {({ assessments: list }) => {
            const hasClassification = list.some((entry) => entry.kind === 'classification');
            // A round not yet fastställd is where the work goes on: starting another would be refused.
            const openClassification = list.find((entry) => entry.kind === 'classification' && entry.status !== 'faststalld');
            // A fastställd classification that shows sensitive personal data or recommends a risk analysis asks for a screening.
            const prompt = screeningPrompt(list);
            return (
              <>
                {list.length === 0 ? (
                  <p className="empty-state">{t('assessmentsEmpty')}</p>
                ) : (
                  <ul className="assessment-list">
                    {list.map((entry) => (
                      <li key={entry.id}>
                        <Link href={paths.assessment(entry.id)}>{t(`kind.${entry.kind}`)}</Link>
                        {' · '}<span className="badge">{t(`assessmentStatus.${entry.status}`)}</span>
                        {' · '}{t('round', { round: entry.round })}
                        {' · '}<span className="muted">{t('formVersion', { form: entry.form.id, version: entry.form.version })}</span>
                        {entry.summary && <> · <strong>{entry.summary}</strong></>}
                        {' · '}<span className="muted">{t('updated', { date: formatDate(entry.updatedAt, true) })}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {prompt && (
                  <div className="notice notice-warning" data-testid="screening-prompt">
                    <p>{t('screeningPrompt.text', { reasons: prompt.map((flag) => t(`flag.${flag}`).toLowerCase()).join(` ${t('screeningPrompt.and')} `) })}</p>
                    {canStart && <button type="button" className="primary" onClick={() => void start('dpia-screening')}>{t('startScreening')}</button>}
                  </div>
                )}
                {canStart && (
                  <div className="actions">
                    {openClassification ? (
                      <Link href={paths.assessment(openClassification.id)} className="button primary" data-testid="continue-classification">
                        {t('asset.continueClassification')}
                      </Link>
                    ) : (
                      <button type="button" className="primary" onClick={() => void start('classification')}>
                        {hasClassification ? t('startNewClassification') : t('startClassification')}
                      </button>
                    )}
                    <button type="button" onClick={() => void start('dpia-screening')}>{t('startScreening')}</button>
                  </div>
                )}
                {startError && <p role="alert" className="notice notice-error">{startError}</p>}
              </>
            );
          }}
        </LoadState>
      </section>
      {assessments.state.status === 'ready' && <AssetTemplates asset={asset} assessments={assessments.state.data.assessments} />}
      {assessments.state.status === 'ready' && (
        <AssetSignOff
          asset={asset}
          assessments={assessments.state.data.assessments}
          onChanged={(updated) => {
            if (assessments.state.status !== 'ready') return;
            assessments.replace({ assessments: assessments.state.data.assessments.map((entry) => (entry.id === updated.id ? updated : entry)) });
          }}
        />
      )}
      <div className="panel"><ExportLinks assetId={asset.id} decided={asset.classificationStatus === 'faststalld'} /></div>
      <section aria-labelledby="history-heading" className="panel">
        <h2 id="history-heading">{t('historyHeading')}</h2>
        <LoadState state={history.state} retry={history.retry}>
          {({ events }) =>
            events.length === 0 ? (
              <p className="empty-state">{t('historyEmpty')}</p>
            ) : (
              <ol className="history">
                {events.map((event) => (
                  <li key={event.id}>
                    <time dateTime={event.at}>{formatDate(event.at, true)}</time> · {actionLabel(event.action)} · <span className="muted">{event.actor?.name ?? t('systemActor')}</span>
                  </li>
                ))}
              </ol>
            )
          }
        </LoadState>
      </section>
    </article>
  );
}
