import type { Classification } from '../../scoring/classification/classification-types';
import { compareWithTemplate, levelSnapshot } from '../../scoring/classification/template-floor';
import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';
import { FloorTable } from './FloorTable';

/**
 * In the workshop, beside the live result: the adopted template's level per aspect against the level
 * forming now, with the same pure floor rule the server enforces, and the stored motivations and approvals.
 */
export function TemplateFloorLive({ assetId, classification }: { assetId: string; classification: Classification }) {
  const { t } = useLanguage();
  const adoption = useApi<'/api/assets/:assetId/adoption'>(`/api/assets/${assetId}/adoption`);
  if (adoption.state.status !== 'ready' || !adoption.state.data.adoption) return null;
  const view = adoption.state.data.adoption;
  const stored = view.floor?.report.aspects ?? [];
  const report = compareWithTemplate({
    template: view.version.levels,
    local: levelSnapshot(classification),
    policy: view.version.loweringPolicy,
    motivations: Object.fromEntries(stored.filter((aspect) => aspect.motivation).map((aspect) => [aspect.aspect, aspect.motivation!])),
    approvedLevels: Object.fromEntries(view.approvals.map((approval) => [approval.aspect, approval.localLevel])),
  });
  return (
    <div className="template-floor-live">
      <h3>{t('template.floorHeading')}</h3>
      <p className="muted">{t('template.restsOn', { name: view.version.name, version: view.version.version, organisation: view.adoption.organisationName })}</p>
      {view.changed && <p className="badge badge-warning">{t('template.changedBadge')}</p>}
      <FloorTable report={report} caption={t('template.floorHeading')} />
    </div>
  );
}
