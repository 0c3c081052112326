import { useState } from 'react';
import { sendJson } from '../api';
import { Link } from '../components/Link';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { useSession } from '../session/SessionProvider';
import { FloorTable } from './FloorTable';
import { TemplateDiffList } from './TemplateDiffList';
import type { AdoptionView } from '../contract/api-types';
import { errorMessageKey } from '../i18n/api-errors';

function MotivationField({ assessmentId, aspect, initial, onSaved }: { assessmentId: string; aspect: string; initial: string; onSaved(view: AdoptionView): void }) {
  const { t } = useLanguage();
  const [text, setText] = useState(initial);
  const id = `lowering-motivation-${aspect}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t('template.motivation', { aspect })}</label>
      <textarea id={id} rows={2} value={text} onChange={(event) => setText(event.target.value)} />
      <button type="button" onClick={() => void sendJson<'PUT /api/assessments/:id/lowering-motivations/:aspect'>('PUT', `/api/assessments/${assessmentId}/lowering-motivations/${aspect}`, { motivation: text.trim() || null }).then((body) => body.adoption && onSaved(body.adoption))}>
        {t('template.saveMotivation')}
      </button>
    </div>
  );
}

/**
 * The template an asset's classification rests on: which version, "mallen har ändrats" with the diff
 * to review, per aspect the template's and the local level, and the lowering motivations and approvals.
 */
export function AdoptionPanel({ assetId, view, onChanged }: { assetId: string; view: AdoptionView; onChanged(view: AdoptionView): void }) {
  const { t } = useLanguage();
  const { hasRole } = useSession();
  const [error, setError] = useState<string | null>(null);
  // Each action answers the adoption as it now stands (null only if it went away meanwhile).
  const act = async (send: () => Promise<{ adoption: AdoptionView | null }>) => {
    setError(null);
    try {
      const { adoption } = await send();
      if (adoption) onChanged(adoption);
    } catch (failure) {
      setError(t(errorMessageKey(failure)));
    }
  };
  const floor = view.floor;
  const lowerings = floor?.report.aspects.filter((aspect) => aspect.deviation === 'lowering') ?? [];
  return (
    <section aria-labelledby="adoption-heading" className="panel" data-testid="adoption-panel">
      <h2 id="adoption-heading">{t('template.adoptionHeading')}</h2>
      <p>
        {t('template.restsOn', { name: view.version.name, version: view.version.version, organisation: view.adoption.organisationName })}{' '}
        <Link href={paths.template(view.adoption.templateId)}>{t('template.viewTemplate')}</Link>
      </p>
      <p>{t(`template.policy.${view.version.loweringPolicy}`)}{view.version.loweringApprover && <> · {t(`template.approver.${view.version.loweringApprover}`)}</>}</p>
      {view.changed && (
        <div className="notice notice-warning" role="status" data-testid="template-changed">
          <h3>{t('template.changedHeading', { version: view.changed.version })}</h3>
          <p>{t('template.changedIntro')}</p>
          <TemplateDiffList diff={view.changed.diff} />
          {hasRole('admin', 'isam', 'objektledare') && (
            <button type="button" className="primary" onClick={() => void act(() => sendJson<'POST /api/assets/:assetId/adoption/review'>('POST', `/api/assets/${assetId}/adoption/review`, { statement: t('template.reviewStatement') }))}>
              {t('template.reviewButton')}
            </button>
          )}
        </div>
      )}
      {floor && <FloorTable report={floor.report} caption={t('template.floorHeading')} />}
      {floor && floor.status === 'utkast' && hasRole('admin', 'isam', 'objektledare', 'dso') &&
        lowerings.map((aspect) => <MotivationField key={aspect.aspect} assessmentId={floor.assessmentId} aspect={aspect.aspect} initial={aspect.motivation ?? ''} onSaved={onChanged} />)}
      {floor && floor.status !== 'faststalld' && hasRole('beslutsfattare') &&
        lowerings
          .filter((aspect) => aspect.status === 'needs_approval')
          .map((aspect) => (
            <button key={aspect.aspect} type="button" onClick={() => void act(() => sendJson<'POST /api/assessments/:id/lowering-approvals'>('POST', `/api/assessments/${floor.assessmentId}/lowering-approvals`, { aspect: aspect.aspect, statement: t('template.approveStatement', { aspect: aspect.aspect }) }))}>
              {t('template.approveButton', { aspect: aspect.aspect })}
            </button>
          ))}
      {error && <p role="alert" className="notice notice-error">{error}</p>}
    </section>
  );
}
