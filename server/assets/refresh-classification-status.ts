import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export const reviewIntervalMonths = 12;

export function addMonths(isoTime: string, months: number): string {
  const date = new Date(isoTime);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}

/**
 * Recomputes the asset's classification status, profile and next review from its classifications:
 * the newest fastställd one counts; before there is one, the newest draft shows the profile forming.
 */
export async function refreshClassificationStatus(trx: Transaction<Database>, assetId: string): Promise<void> {
  const rounds = await trx
    .selectFrom('assessments')
    .select(['status', 'profile', 'decided_at', 'round'])
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
      next_review_at: decided?.decided_at ? addMonths(decided.decided_at, reviewIntervalMonths) : null,
    })
    .where('id', '=', assetId)
    .execute();
}
