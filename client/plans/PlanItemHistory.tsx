import { useState } from 'react';
import { getJson } from '../api';
import type { ApiAnswer } from '../contract/api';
import { useLanguage } from '../i18n/LanguageProvider';
import { errorMessageKey } from '../i18n/api-errors';
import './plans.css';

type ItemEvent = ApiAnswer<'/api/plan-items/:id/history'>['events'][number];

/** An item's history on demand (issue 17): who changed what and when, oldest first. */
export function PlanItemHistory({ itemId, title }: { itemId: string; title: string }) {
  const { t } = useLanguage();
  const [events, setEvents] = useState<ItemEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const toggle = () => {
    setOpen(!open);
    if (!open && events === null) getJson<'/api/plan-items/:id/history'>(`/api/plan-items/${itemId}/history`).then((body) => setEvents(body.events), (failure: unknown) => setError(t(errorMessageKey(failure))));
  };
  const describe = (event: ItemEvent) => {
    const parts = [event.from && event.from.status !== event.to.status ? `${t(`planStatus.${event.from.status}`)} → ${t(`planStatus.${event.to.status}`)}` : t(`planStatus.${event.to.status}`)];
    if (event.to.ansvarig && event.to.ansvarig !== event.from?.ansvarig) parts.push(t('plan.history.ansvarig', { name: event.to.ansvarig }));
    if (event.to.plannedDate && event.to.plannedDate !== event.from?.plannedDate) parts.push(t('plan.history.date', { date: event.to.plannedDate }));
    if (!event.to.applicable && event.from?.applicable !== false) parts.push(t('notApplicableAnymore'));
    return parts.join(', ');
  };
  return (
    <span className="plan-history">
      <button type="button" aria-expanded={open} onClick={toggle}>{t('plan.history.show')}<span className="visually-hidden">: {title}</span></button>
      {open && (
        <span role="status">
          {error && <span className="notice notice-error">{error}</span>}
          {events && (
            <ul data-testid="plan-history">
              {events.map((event, index) => (
                <li key={index}>{event.at.slice(0, 10)} {event.by ?? t('plan.history.sigill')}: {describe(event)}</li>
              ))}
            </ul>
          )}
        </span>
      )}
    </span>
  );
}
