import { useEffect, useRef } from 'react';
import { useLanguage } from '../i18n/LanguageProvider';

/** Shown on a 409: which questions someone else changed, and the user's two ways on. Focus moves here. */
export function ConflictPanel({ questions, onReload, onKeepMine }: { questions: { name: string; title: string }[]; onReload(): void; onKeepMine(): void }) {
  const { t } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice notice-warning conflict" role="alert" aria-labelledby="conflict-heading" data-testid="conflict-panel">
      <h2 id="conflict-heading" tabIndex={-1} ref={heading}>{t('conflictHeading')}</h2>
      <p>{t('conflictIntro')}</p>
      <ul data-testid="conflict-questions">
        {questions.map((question) => <li key={question.name}>{question.title}</li>)}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={onKeepMine}>{t('conflictKeepMine')}</button>
        <button type="button" onClick={onReload}>{t('conflictReload')}</button>
      </div>
    </section>
  );
}
