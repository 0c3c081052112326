import { type FormEvent, useState } from 'react';
import type { ActionPlan } from '../../scoring/classification/action-plan';
import { sendJson } from '../api';
import type { Assessment } from '../contract/api-types';
import { useLanguage } from '../i18n/LanguageProvider';
import { errorMessageKey } from '../i18n/api-errors';

/** Publishes a fastställd central classification as a normative template: name, lowering policy, approver and centrally fulfilled requirements. */
export function PublishTemplateForm({ assessment, defaultName }: { assessment: Assessment; defaultName: string }) {
  const { t } = useLanguage();
  const requirements = ((assessment.result as { actionPlan?: ActionPlan } | null)?.actionPlan?.requirements ?? []).map((requirement) => ({ id: requirement.id, title: requirement.title }));
  const [name, setName] = useState(defaultName);
  const [description, setDescription] = useState('');
  const [policy, setPolicy] = useState<'never' | 'with_approval'>('with_approval');
  const [approver, setApprover] = useState<'central' | 'local'>('local');
  const [hur, setHur] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const version = await sendJson<'POST /api/templates'>('POST', '/api/templates', {
        assessmentId: assessment.id,
        name,
        description,
        loweringPolicy: policy,
        ...(policy === 'with_approval' ? { loweringApprover: approver } : {}),
        fulfilled: picked.map((requirementId) => ({ requirementId, hur: hur[requirementId] ?? '' })),
      });
      setMessage({ ok: true, text: t('template.published', { version: version.version }) });
    } catch (error) {
      setMessage({ ok: false, text: t(errorMessageKey(error)) });
    }
  };
  return (
    <section aria-labelledby="publish-heading" className="panel">
      <h2 id="publish-heading">{t('template.publishHeading')}</h2>
      <p>{t('template.publishIntro')}</p>
      <form onSubmit={(event) => void submit(event)} className="stacked-form">
        <div className="field">
          <label htmlFor="template-name">{t('template.name')}</label>
          <input id="template-name" required value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="template-description">{t('template.description')}</label>
          <textarea id="template-description" rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
        </div>
        <fieldset>
          <legend>{t('template.loweringPolicy')}</legend>
          {(['never', 'with_approval'] as const).map((value) => (
            <label key={value} className="choice"><input type="radio" name="lowering-policy" value={value} checked={policy === value} onChange={() => setPolicy(value)} /> {t(`template.policy.${value}`)}</label>
          ))}
        </fieldset>
        {policy === 'with_approval' && (
          <fieldset>
            <legend>{t('template.loweringApprover')}</legend>
            {(['local', 'central'] as const).map((value) => (
              <label key={value} className="choice"><input type="radio" name="lowering-approver" value={value} checked={approver === value} onChange={() => setApprover(value)} /> {t(`template.approver.${value}`)}</label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('template.fulfilledPick')}</legend>
          {requirements.map((requirement) => (
            <div key={requirement.id}>
              <label className="choice">
                <input type="checkbox" checked={picked.includes(requirement.id)} onChange={(event) => setPicked(event.target.checked ? [...picked, requirement.id] : picked.filter((id) => id !== requirement.id))} /> {requirement.title}
              </label>
              {picked.includes(requirement.id) && (
                <div className="field">
                  <label htmlFor={`hur-${requirement.id}`}>{t('template.hurFor', { title: requirement.title })}</label>
                  <textarea id={`hur-${requirement.id}`} rows={2} required value={hur[requirement.id] ?? ''} onChange={(event) => setHur({ ...hur, [requirement.id]: event.target.value })} />
                </div>
              )}
            </div>
          ))}
        </fieldset>
        <button type="submit" className="primary">{t('template.publishButton')}</button>
      </form>
      {message && <p role={message.ok ? 'status' : 'alert'} className={`notice ${message.ok ? 'notice-success' : 'notice-error'}`}>{message.text}</p>}
    </section>
  );
}
