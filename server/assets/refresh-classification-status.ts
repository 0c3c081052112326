import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { refreshReviewDates } from '../reviews/refresh-review-dates';

/**
 * Recomputes the asset's classification status, profile and next review from its classifications:
 * the newest fastställd one counts; before there is one, the newest draft shows the profile forming.
 * The review date follows the organisation's interval and the last confirmed review (server/reviews).
 */
export async function refreshClassificationStatus(trx: Transaction<Database>, assetId: string): Promise<void> {
  await refreshReviewDates(trx, assetId);
  const rounds = await trx
    .selectFrom('assessments')
    .select(['status', 'profile', 'decided_at', 'round', 'next_review_at'])
    .where('asset_id', '=', assetId)
    .where('kind', '=', 'classification')
    .orderBy('round', 'desc')
    .execute();
  const decided = rounds.find((round) => round.status === 'faststalld');
  const shown = decided ?? rounds[0];
  await trx
    .updateTable('assets')
    .set({
      classification_status: decided ? 'faststalld' : rounds.length > 0 ? 'pagar' : 'ej_klassad',
      profile: shown?.profile ?? null,
      next_review_at: decided?.next_review_at ?? null,
    })
    .where('id', '=', assetId)
    .execute();
}
