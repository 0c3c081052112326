import type { ActionPlanSummary } from '../../scoring/classification/action-plan';
import type { Classification } from '../../scoring/classification/classification-types';
import { classificationFlagOrder } from '../../scoring/classification/flag-names';
import { type LevelCost, levelCosts } from '../../scoring/classification/level-costs';
import type { AspectCode } from '../contract/api-types';
import { AspectLevel } from '../components/ProfileBadges';
import { useLanguage } from '../i18n/LanguageProvider';
import type { WorkshopContent } from './workshop-content';


function asAspect(code: string): AspectCode {
  return code === 'K' || code === 'R' || code === 'T' ? code : 'S';
}

/** What each level of one aspect would add to the plan, so the room sees what a choice costs. */
function LevelCostLine({ costs }: { costs: LevelCost[] }) {
  const { t } = useLanguage();
  const parts = costs.map((cost, index) => (index === 0 ? t('levelCost.base', { level: cost.level, count: cost.requirements }) : t('levelCost.adds', { level: cost.level, count: cost.adds })));
  return <div className="level-costs muted">{t('levelCost.heading')}: {parts.join(' · ')}</div>;
}

/** The classification as it forms: the object's levels and what drove them, flags, lagrum and the plan's size. */
export function ClassificationPanel({ classification, actionPlan, content }: { classification: Classification; actionPlan: ActionPlanSummary | null; content?: WorkshopContent | undefined }) {
  const { t } = useLanguage();
  const costs = content?.model && content.catalog ? levelCosts(content.model, content.catalog, classification) : new Map<string, LevelCost[]>();
  return (
    <div className="result classification-result">
      <h3>{t('profileHeading')}</h3>
      <p className="profile-text" data-testid="profile-text">{classification.profile.text}</p>
      <ul className="aspect-list" data-testid="profile-aspects">
        {classification.profile.aspects.map((aspect) => (
          <li key={aspect.aspect}>
            <AspectLevel aspect={asAspect(aspect.aspect)} level={aspect.level?.level ?? null} />{' '}
            <strong>{aspect.aspectName}</strong>: {aspect.level ? aspect.level.label : t('levelNotAssessed')}
            {aspect.raise?.applied && aspect.computed && <span className="muted"> ({t('raisedFrom', { from: aspect.computed.label })})</span>}
            {aspect.drivenBy.length > 0 && (
              <div className="driven-by">
                {t('drivenBy')}:{' '}
                {aspect.drivenBy.map((driver) => `${driver.informationSet}${driver.areas.length ? ` (${driver.areas.map((area) => area.name).join(', ')})` : ''}`).join('; ')}
              </div>
            )}
            {costs.has(aspect.aspect) && <LevelCostLine costs={costs.get(aspect.aspect)!} />}
          </li>
        ))}
      </ul>
      <h3>{t('flagsHeading')}</h3>
      <ul className="flag-list">
        {classificationFlagOrder.map((key) => {
          const flag = classification.flags[key];
          // A flag the questionnaire does not ask about (anmälningsplikt in version 1) is left out, not shown as "no".
          if (!flag) return null;
          return (
            <li key={key} className={flag.value ? 'flag-on' : 'flag-off'}>
              <span aria-hidden="true">{flag.value ? '▲ ' : '– '}</span>
              <strong>{t(`flag.${key}`)}</strong>: {flag.value ? t('yes') : t('no')}
              {flag.value && <span className="muted"> – {flag.reason}</span>}
            </li>
          );
        })}
      </ul>
      <h3>{t('lagrumHeading')}</h3>
      {classification.lagrum.length === 0 ? (
        <p>{t('lagrumNone')}</p>
      ) : (
        <ul data-testid="lagrum-list">{classification.lagrum.map((entry) => <li key={entry.id}>{entry.name}</li>)}</ul>
      )}
      {(classification.otherLagrum ?? []).length > 0 && (
        <>
          <h4>{t('otherLagrumHeading')}</h4>
          <ul data-testid="other-lagrum-list">{classification.otherLagrum?.map((name) => <li key={name}>{name}</li>)}</ul>
        </>
      )}
      {classification.suggestedLagrum.length > 0 && (
        <ul className="suggestions">
          {classification.suggestedLagrum.map((entry) => (
            <li key={entry.id}><strong>{t('suggestedLagrum')}:</strong> {entry.name} – {entry.reason}</li>
          ))}
        </ul>
      )}
      {actionPlan && (
        <p className="requirements-count" data-testid="requirements-count">
          {actionPlan.status === 'stopped' ? t('planStopped', { reason: actionPlan.stoppedReason ?? '' }) : t('requirementsCount', { count: actionPlan.requirements.length })}
        </p>
      )}
      <h3>{t('setsHeading')}</h3>
      {classification.informationSets.length === 0 ? (
        <p>{t('noSets')}</p>
      ) : (
        <ul className="set-list">
          {classification.informationSets.map((set) => (
            <li key={set.index}>
              <strong>{set.name}</strong>{' '}
              <span className="badges">
                {set.aspects.map((aspect) => <AspectLevel key={aspect.aspect} aspect={asAspect(aspect.aspect)} level={aspect.level?.level ?? null} />)}
              </span>
              {set.aspects.filter((aspect) => aspect.raisedByRule).map((aspect) => <p key={aspect.aspect} className="muted rule-note">{aspect.raisedByRule}</p>)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
