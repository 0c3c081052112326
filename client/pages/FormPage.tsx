import { useEffect, useMemo, useState } from 'react';
import { Model } from 'survey-core';
import 'survey-core/survey-core.css';
import ContrastLight from 'survey-core/themes/contrast-light';
import { Survey } from 'survey-react-ui';
import type { QuestionnaireFile } from '../../scoring/content/form-file';
import { registerSurveyProperties } from '../../scoring/content/survey-properties';
import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { type AnswerLine, summariseAnswers } from '../survey/answer-summary';
import { applySurveyLocaleCorrections } from '../survey/locale';
import { useApi } from '../useApi';

registerSurveyProperties();
applySurveyLocaleCorrections();

export default function FormPage({ id, version }: { id: string; version: number }) {
  const { t } = useLanguage();
  const { state, retry } = useApi<QuestionnaireFile>(`/api/forms/${id}/${version}`);
  return (
    <>
      <p><Link href="/">← {t('backToForms')}</Link></p>
      <LoadState state={state} retry={retry}>
        {(form) => <Questionnaire form={form} />}
      </LoadState>
    </>
  );
}

function Questionnaire({ form }: { form: QuestionnaireFile }) {
  const { t, language } = useLanguage();
  const survey = useMemo(() => {
    const model = new Model(form.survey);
    model.applyTheme(ContrastLight);
    return model;
  }, [form]);
  const [answers, setAnswers] = useState<AnswerLine[]>([]);
  useEffect(() => {
    // oxlint-disable-next-line react/immutability -- a SurveyModel is SurveyJS's own mutable model; setting its locale is its API
    survey.locale = language;
  }, [survey, language]);
  useEffect(() => {
    const update = () => setAnswers(summariseAnswers(survey));
    survey.onValueChanged.add(update);
    return () => survey.onValueChanged.remove(update);
  }, [survey]);
  return (
    <div className="form-layout">
      <section aria-label={form.meta.title} className="form-main">
        <Survey model={survey} />
      </section>
      <aside aria-labelledby="answers-heading" className="form-side">
        <h2 id="answers-heading">{t('answersHeading')}</h2>
        {answers.length === 0 ? (
          <p>{t('answersEmpty')}</p>
        ) : (
          <dl aria-live="polite" data-testid="answer-summary">
            {answers.map((answer) => (
              <div key={answer.name}>
                <dt>{answer.title}</dt>
                <dd>{answer.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </aside>
    </div>
  );
}
