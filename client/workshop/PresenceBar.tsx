import type { Model } from 'survey-core';
import { useLanguage } from '../i18n/LanguageProvider';
import { pathTitle, sinceText } from './answer-display';
import type { PresentPerson } from './live-stream';
import type { RemoteNote } from './use-live-workshop';

interface PresenceBarProps {
  model: Model;
  people: readonly PresentPerson[];
  notes: readonly RemoteNote[];
  clientId: string;
  leading: boolean;
  onLead(on: boolean): void;
}

/** Who is on the assessment and where, who leads, the lead toggle, and the latest changes by others. */
export function PresenceBar({ model, people, notes, clientId, leading, onLead }: PresenceBarProps) {
  const { t, language } = useLanguage();
  const leader = people.find((person) => person.leading && person.clientId !== clientId);
  return (
    <section className="presence" aria-labelledby="presence-heading" data-testid="presence">
      <h2 id="presence-heading" className="visually-hidden">{t('live.presenceHeading')}</h2>
      <ul className="presence-people">
        {people.map((person) => (
          <li key={person.clientId} data-testid="present-person" data-leading={person.leading}>
            {person.name}
            {person.clientId === clientId && ` (${t('live.you')})`}
            {person.question && ` ${t('live.inQuestion', { question: pathTitle(model, [person.question]) })}`}
            {person.leading && ` · ${t('live.leads')}`}
          </li>
        ))}
      </ul>
      <button type="button" aria-pressed={leading} onClick={() => onLead(!leading)} data-testid="lead-toggle">{leading ? t('live.stopLeading') : t('live.lead')}</button>
      {leader && <p className="muted" data-testid="following">{t('live.following', { name: leader.name })}</p>}
      {notes.length > 0 && (
        <ul className="muted presence-notes" aria-live="polite" data-testid="remote-notes">
          {notes.map((note) => (
            <li key={note.key}>{t('live.changedBy', { name: note.by.name, question: pathTitle(model, [note.question]), when: sinceText(note.at, language) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
