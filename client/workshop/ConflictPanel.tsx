import { useEffect, useRef } from 'react';
import type { Model } from 'survey-core';
import { useLanguage } from '../i18n/LanguageProvider';
import { displayAnswer, pathTitle, sinceText } from './answer-display';
import type { SyncConflict } from './autosave';

/**
 * Questions someone else changed while this tab had its own change to them on the way: both
 * answers side by side until a person chooses; the choice is then saved for everyone. Focus moves here.
 */
export function ConflictPanel({ model, conflicts, onResolve }: { model: Model; conflicts: readonly SyncConflict[]; onResolve(key: string, choice: 'mine' | 'theirs'): void }) {
  const { t, language } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const empty = t('live.empty');
  return (
    <section className="notice notice-warning conflict" role="alert" aria-labelledby="conflict-heading" data-testid="conflict-panel">
      <h2 id="conflict-heading" tabIndex={-1} ref={heading}>{t('live.conflictHeading')}</h2>
      <p>{t('live.conflictIntro')}</p>
      <ul data-testid="conflict-questions">
        {conflicts.map((conflict) => {
          const when = sinceText(conflict.at, language);
          const name = conflict.by?.name ?? '';
          return (
            <li key={conflict.key} data-testid="conflict">
              <h3>{pathTitle(model, conflict.path)}</h3>
              <dl>
                <dt>{t('live.mine')}</dt>
                <dd data-testid="conflict-mine">{displayAnswer(model, conflict.path, conflict.mine, empty)}</dd>
                <dt>{conflict.by ? t('live.theirs', { name, when }) : t('live.theirsUnknown')}</dt>
                <dd data-testid="conflict-theirs">{conflict.rowRemoved ? t('live.rowRemoved', { name }) : displayAnswer(model, conflict.path, conflict.theirs, empty)}</dd>
              </dl>
              <div className="actions">
                <button type="button" className="primary" onClick={() => onResolve(conflict.key, 'mine')}>{conflict.rowRemoved ? t('live.keepRow') : t('live.keepMine')}</button>
                <button type="button" onClick={() => onResolve(conflict.key, 'theirs')}>{conflict.rowRemoved ? t('live.dropRow') : t('live.takeTheirs')}</button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
