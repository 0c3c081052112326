import { useRef, useState } from 'react';
import type { Assessment } from '../contract/api-types';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { useApi } from '../useApi';
import { AdviceForm } from './AdviceForm';
import { type SignOffAction, allowedActions, currentAdvice, signOffStage } from './allowed-actions';
import { ApprovalTimeline } from './ApprovalTimeline';
import { DecisionForm } from './DecisionForm';
import { ExemptionForm } from './ExemptionForm';
import { ProtocolList } from './ProtocolList';
import { ReadyForm } from './ReadyForm';
import { ReturnForm } from './ReturnForm';
import { SpecialAnalysisStep } from './SpecialAnalysisStep';
import { SubmitForm } from './SubmitForm';
import { useRolesIn } from './useRolesIn';
import './sign-off.css';

interface SignOffPanelProps {
  assessment: Assessment;
  assetName: string;
  /** The heading; the asset page names the assessment, the workshop needs no more than the default. */
  title?: string;
  /** Autosave has answers on their way: sending för granskning waits for them. */
  savePending?: boolean;
  onChanged(updated: Assessment): void;
}

/**
 * Where an assessment stands in its sign-off, every step so far, and the steps the user's roles
 * allow now, each stating what the person confirms before they confirm it.
 */
export function SignOffPanel({ assessment, assetName, title, savePending = false, onChanged }: SignOffPanelProps) {
  const { t, formatDate } = useLanguage();
  const signOff = useApi<'/api/assessments/:id/sign-off'>(`/api/assessments/${assessment.id}/sign-off`);
  const roles = useRolesIn(assessment.organisationId);
  const [open, setOpen] = useState<SignOffAction | null>(null);
  const [done, setDone] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `sign-off-${assessment.id}`;

  // The statements name the asset; until it has loaded they say "informationstillgången".
  const name = assetName || 'informationstillgången';
  const finish = (action: SignOffAction) => (updated: Assessment) => {
    setOpen(null);
    setDone(t(`signOff.done.${action}`));
    signOff.retry();
    onChanged(updated);
    heading.current?.focus();
  };
  const cancel = () => setOpen(null);

  const approvals = signOff.state.status === 'ready' ? signOff.state.data.approvals : [];
  const stage = signOffStage(assessment, approvals);
  const actionLabel = (action: SignOffAction) => (action === 'decide' && assessment.kind === 'dpia' ? t('signOff.action.decideDpia') : t(`signOff.action.${action}`));

  const form = (action: SignOffAction) => {
    switch (action) {
      case 'submit': return <SubmitForm assessment={assessment} savePending={savePending} onDone={finish(action)} onCancel={cancel} />;
      case 'ready': return <ReadyForm assessment={assessment} assetName={name} onDone={finish(action)} onCancel={cancel} />;
      case 'advise': return <AdviceForm assessment={assessment} assetName={name} onDone={finish(action)} onCancel={cancel} />;
      case 'exemption': return <ExemptionForm assessment={assessment} assetName={name} onDone={finish(action)} onCancel={cancel} />;
      case 'decide': return <DecisionForm assessment={assessment} assetName={assetName} advice={currentAdvice(approvals)} onDone={finish(action)} onCancel={cancel} />;
      case 'return': return <ReturnForm assessment={assessment} onDone={finish(action)} onCancel={cancel} />;
    }
  };

  return (
    <section className="panel sign-off-panel" aria-labelledby={headingId} data-testid="sign-off-panel">
      <h2 id={headingId} tabIndex={-1} ref={heading}>{title ?? t('signOff.heading')}</h2>
      <p>
        <span className="badge" data-testid="assessment-status" data-status={assessment.status}>{t('signOff.status', { status: t(`assessmentStatus.${assessment.status}`) })}</span>
      </p>
      <p className="next-step">{stage === 'faststalld' ? t('signOff.next.faststalld', { date: assessment.decidedAt ? formatDate(assessment.decidedAt) : '–' }) : t(`signOff.next.${stage}`)}</p>
      <div role="status" aria-live="polite" data-testid="sign-off-status">{done && <p className="notice notice-info">{done}</p>}</div>
      <LoadState state={signOff.state} retry={signOff.retry}>
        {(data) => {
          const actions = allowedActions(assessment, roles, data.approvals);
          return (
            <>
              {actions.length > 0 ? (
                <div className="actions">
                  {actions.map((action) => (
                    <button key={action} type="button" className={action === 'decide' || action === 'submit' ? 'primary' : undefined} aria-expanded={open === action} onClick={() => setOpen(open === action ? null : action)}>
                      {actionLabel(action)}
                    </button>
                  ))}
                </div>
              ) : (
                assessment.status !== 'faststalld' && <p className="muted">{t('signOff.noActions')}</p>
              )}
              {open && actions.includes(open) && form(open)}
              {data.specialAnalysis && <SpecialAnalysisStep assessment={assessment} step={data.specialAnalysis} canRecord={roles.has('sakerhetsskyddschef')} onRecorded={signOff.retry} />}
              <h3>{t('signOff.timeline')}</h3>
              <ApprovalTimeline approvals={data.approvals} />
              {(assessment.status === 'faststalld' || data.protocols.length > 0) && (
                <>
                  <h3>{t('protocols.heading')}</h3>
                  <ProtocolList assessment={assessment} protocols={data.protocols} timestamping={data.timestamping} canSeal={roles.has('beslutsfattare') || roles.has('admin')} onSealed={signOff.retry} />
                </>
              )}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
