import { Link } from '../components/Link';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../i18n/LanguageProvider';
import { paths } from '../routes';
import { useSession } from '../session/SessionProvider';
import { useApi } from '../useApi';
import './oversight.css';

const day = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

/** Att göra (issue 9, part 2): what is due for the logged-in person, each line linking to where it is done. */
export function TodoPage() {
  const { t } = useLanguage();
  const todo = useApi<'/api/todo'>('/api/todo');
  const { hasRole } = useSession();
  return (
    <section aria-labelledby="todo-heading" className="ov-page">
      <h1 id="todo-heading">{t('ov.todo.heading')}</h1>
      <p>{t('ov.todo.intro')}</p>
      {hasRole('dso') && <p><Link href={paths.dsoOverview()}>{t('dso.todoLink')}</Link></p>}
      <LoadState state={todo.state} retry={todo.retry}>
        {(data) => (
          <>
            <h2>{t('ov.todo.reviews')} ({data.reviews.length})</h2>
            {data.reviews.length === 0 ? <p className="muted">{t('ov.todo.none')}</p> : (
              <ul data-testid="todo-reviews">
                {data.reviews.map((review) => (
                  <li key={review.assessmentId}>
                    <Link href={paths.asset(review.assetId)}>{review.assetName}</Link> – {t(`kind.${review.kind}`)}, {review.organisationName}. {t('ov.todo.due', { date: day(review.nextReviewAt) })}
                    {review.overdue && <strong> ({t('ov.todo.overdue')})</strong>}
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('ov.todo.planItems')} ({data.planItems.length})</h2>
            {data.planItems.length === 0 ? <p className="muted">{t('ov.todo.none')}</p> : (
              <ul data-testid="todo-plan-items">
                {data.planItems.map((item) => (
                  <li key={item.id}>
                    <Link href={paths.plan(item.assetId)} aria-label={`${item.title}: ${t('ov.todo.openPlan', { name: item.assetName })}`}>{item.title}</Link> – {item.assetName}, {t(`planStatus.${item.status}`)}
                    {item.priority && `, ${t(`priority.${item.priority}`)}`}
                    {item.plannedDate && `. ${t('ov.todo.due', { date: day(item.plannedDate) })}`}
                    {item.overdue && <strong> ({t('ov.todo.overdue')})</strong>}
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('ov.todo.approvals')} ({data.approvals.length})</h2>
            {data.approvals.length === 0 ? <p className="muted">{t('ov.todo.none')}</p> : (
              <ul data-testid="todo-approvals">
                {data.approvals.map((approval) => (
                  <li key={`${approval.assessmentId}-${approval.step}`}>
                    <Link href={paths.assessment(approval.assessmentId)}>{approval.assetName}</Link> – {t(`kind.${approval.kind}`)}: {t(`ov.todo.step.${approval.step}`)}. {t('ov.todo.since', { date: day(approval.since) })}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}
