import type { Selectable, Transaction } from 'kysely';
import type { AssessmentsTable, Database } from '../db/schema';
import { refreshRoundSummaries } from '../assets/round-summary-store';
import { addMonths, reviewIntervalFor, reviewIntervals } from './review-interval';

/** A DPIA's own review rule (dpia.md: 12 months at residual Medel or above, else 36), as scored into its result. */
export function dpiaMonths(result: string | null): number | null {
  if (!result) return null;
  const parsed = JSON.parse(result) as { review?: { months?: unknown } };
  return typeof parsed.review?.months === 'number' ? parsed.review.months : null;
}

type DecidedRound = Pick<Selectable<AssessmentsTable>, 'id' | 'asset_id' | 'kind' | 'round' | 'decided_at' | 'reviewed_at' | 'result' | 'next_review_at'>;

/**
 * The review date each fastställd round of one asset should carry (rounds newest first): counted from
 * the decision or the last confirmed review for the newest classification and DPIA, none for older rounds.
 */
function reviewDates(rounds: readonly DecidedRound[], classificationMonths: number): Map<string, string | null> {
  const inForce = new Set<string>();
  for (const kind of ['classification', 'dpia'] as const) {
    const newest = rounds.find((round) => round.kind === kind);
    if (newest) inForce.add(newest.id);
  }
  const dates = new Map<string, string | null>();
  for (const round of rounds) {
    const from = round.reviewed_at ?? round.decided_at;
    const months = round.kind === 'classification' ? classificationMonths : (dpiaMonths(round.result) ?? classificationMonths);
    dates.set(round.id, inForce.has(round.id) && from ? addMonths(from, months) : null);
  }
  return dates;
}

function decidedRounds(trx: Transaction<Database>, assetIds: readonly string[]) {
  return trx
    .selectFrom('assessments')
    .select(['id', 'asset_id', 'kind', 'round', 'decided_at', 'reviewed_at', 'result', 'next_review_at'])
    .where('asset_id', 'in', assetIds)
    .where('status', '=', 'faststalld')
    .where('kind', 'in', ['classification', 'dpia'])
    .orderBy('asset_id')
    .orderBy('round', 'desc')
    .execute();
}

/** Writes the rounds whose date moved. */
async function writeReviewDates(trx: Transaction<Database>, rounds: readonly DecidedRound[], dates: ReadonlyMap<string, string | null>): Promise<void> {
  for (const round of rounds) {
    const next = dates.get(round.id) ?? null;
    if (next !== round.next_review_at) await trx.updateTable('assessments').set({ next_review_at: next }).where('id', '=', round.id).execute();
  }
}

/**
 * Sets next_review_at on the asset's newest fastställd classification and DPIA, counted from the
 * decision or the last confirmed review, and clears it on older rounds: only the round in force is due.
 */
export async function refreshReviewDates(trx: Transaction<Database>, assetId: string): Promise<void> {
  const asset = await trx.selectFrom('assets').select('organisation_id').where('id', '=', assetId).executeTakeFirstOrThrow();
  const { months: classificationMonths } = await reviewIntervalFor(trx, asset.organisation_id);
  const rounds = await decidedRounds(trx, [assetId]);
  await writeReviewDates(trx, rounds, reviewDates(rounds, classificationMonths));
  await refreshRoundSummaries(trx, [assetId]);
}

const chunkSize = 500;

/**
 * The review dates of many fastställd assets after their organisations' interval changed, and the
 * asset's own date (its classification in force): the organisations read once, the rounds 500 assets
 * a query, and only what moved written — not every asset's status recomputed one by one.
 */
export async function refreshReviewDatesOfAssets(trx: Transaction<Database>, assetIds: readonly string[]): Promise<void> {
  const intervalOf = await reviewIntervals(trx);
  for (let start = 0; start < assetIds.length; start += chunkSize) {
    const chunk = assetIds.slice(start, start + chunkSize);
    const assets = await trx.selectFrom('assets').select(['id', 'organisation_id', 'next_review_at']).where('id', 'in', chunk).execute();
    const rounds = await decidedRounds(trx, chunk);
    for (const asset of assets) {
      const own = rounds.filter((round) => round.asset_id === asset.id);
      const dates = reviewDates(own, intervalOf(asset.organisation_id).months);
      await writeReviewDates(trx, own, dates);
      const inForce = own.find((round) => round.kind === 'classification');
      const next = inForce ? (dates.get(inForce.id) ?? null) : null;
      if (next !== asset.next_review_at) await trx.updateTable('assets').set({ next_review_at: next }).where('id', '=', asset.id).execute();
    }
    await refreshRoundSummaries(trx, chunk);
  }
}
