import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { addMonths, reviewIntervalFor } from './review-interval';

/** A DPIA's own review rule (dpia.md: 12 months at residual Medel or above, else 36), as scored into its result. */
export function dpiaMonths(result: string | null): number | null {
  if (!result) return null;
  const parsed = JSON.parse(result) as { review?: { months?: unknown } };
  return typeof parsed.review?.months === 'number' ? parsed.review.months : null;
}

/**
 * Sets next_review_at on the asset's newest fastställd classification and DPIA, counted from the
 * decision or the last confirmed review, and clears it on older rounds: only the round in force is due.
 */
export async function refreshReviewDates(trx: Transaction<Database>, assetId: string): Promise<void> {
  const asset = await trx.selectFrom('assets').select('organisation_id').where('id', '=', assetId).executeTakeFirstOrThrow();
  const { months: classificationMonths } = await reviewIntervalFor(trx, asset.organisation_id);
  const rounds = await trx
    .selectFrom('assessments')
    .select(['id', 'kind', 'round', 'decided_at', 'reviewed_at', 'result', 'next_review_at'])
    .where('asset_id', '=', assetId)
    .where('status', '=', 'faststalld')
    .where('kind', 'in', ['classification', 'dpia'])
    .orderBy('round', 'desc')
    .execute();
  const inForce = new Set<string>();
  for (const kind of ['classification', 'dpia'] as const) {
    const newest = rounds.find((round) => round.kind === kind);
    if (newest) inForce.add(newest.id);
  }
  for (const round of rounds) {
    const from = round.reviewed_at ?? round.decided_at;
    const months = round.kind === 'classification' ? classificationMonths : (dpiaMonths(round.result) ?? classificationMonths);
    const next = inForce.has(round.id) && from ? addMonths(from, months) : null;
    if (next !== round.next_review_at) await trx.updateTable('assessments').set({ next_review_at: next }).where('id', '=', round.id).execute();
  }
}
