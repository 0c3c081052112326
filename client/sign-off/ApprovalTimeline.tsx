import { type MessageKey, messages } from '../i18n/messages';
import { useLanguage } from '../i18n/LanguageProvider';
import type { Approval } from '../contract/api-types';

const known = (candidate: string): candidate is MessageKey => candidate in messages.sv;

/** A label for a detail's value when the app knows it (advice, decision), else the value itself. */
function useDetailText() {
  const { t } = useLanguage();
  return (key: string, value: string): string => {
    const label = `${key}.${value}`;
    if ((key === 'advice' || key === 'decision') && known(label)) return t(label);
    if (key === 'exemptionDecision' && known(`exemption.${value}`)) return t(`exemption.${value}` as MessageKey);
    if (key === 'departsFromAdvice' || key === 'sameAsPreparer') return value === 'ja' ? t('signOff.yes') : t('signOff.no');
    return value;
  };
}

const detailLabels: Record<string, MessageKey> = {
  advice: 'signOff.detail.advice',
  exemptionDecision: 'exemption.legend',
  decision: 'signOff.detail.decision',
  reasons: 'signOff.detail.reasons',
  departsFromAdvice: 'signOff.detail.departsFromAdvice',
  sameAsPreparer: 'signOff.detail.sameAsPreparer',
};

/** Every step in order: who, in which role, when, what they confirmed; withdrawn steps stay, marked. */
export function ApprovalTimeline({ approvals }: { approvals: readonly Approval[] }) {
  const { t, formatDate } = useLanguage();
  const detailText = useDetailText();
  if (approvals.length === 0) return <p className="empty-state">{t('signOff.timelineEmpty')}</p>;
  return (
    <ol className="approval-timeline" data-testid="approval-timeline">
      {approvals.map((approval) => {
        // A return's reason is its statement; its details repeat it.
        const details = Object.entries(approval.details).filter((entry): entry is [string, string] => entry[1] !== null && entry[0] in detailLabels);
        return (
          <li key={approval.id} className={approval.withdrawnAt ? 'withdrawn' : undefined}>
            <p className="step-title">
              {t(`signOff.step.${approval.step}`)}
              {approval.withdrawnAt && <> · <span className="badge">{t('signOff.withdrawn', { date: formatDate(approval.withdrawnAt, true) })}</span></>}
            </p>
            <p>
              {t('signOff.byRole', { name: approval.userName, role: t(`role.${approval.role}`) })} · <time dateTime={approval.createdAt}>{formatDate(approval.createdAt, true)}</time>
            </p>
            <p className="muted">{approval.step === 'returned' ? t('signOff.reason') : t('signOff.statement')}</p>
            <blockquote lang="sv">{approval.statement}</blockquote>
            {approval.delegation && <p data-testid="approval-delegation">{t('decisionRef.delegationShown', { delegation: approval.delegation })}</p>}
            {approval.diarienummer && <p data-testid="approval-diarienummer">{t('decisionRef.diarienummerShown', { diarienummer: approval.diarienummer })}</p>}
            {details.length > 0 && (
              <dl className="details">
                {details.map(([key, value]) => (
                  <div key={key} className="detail-row">
                    <dt>{t(detailLabels[key]!)}</dt>
                    <dd>{detailText(key, value)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
