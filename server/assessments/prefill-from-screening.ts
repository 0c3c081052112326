import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The screening outcomes that lead to a DPIA: what the screening knew is then its starting point. */
const leadsToDpia = new Set(['kravs', 'kravs-preliminart', 'rekommenderas']);

/** DPIA question ← screening question: the same fact, asked once. */
const carried: [dpia: string, screening: string][] = [
  ['informationstillgang', 'informationstillgang'],
  // The screening's short description of the processing is where the DPIA's purposes start.
  ['andamal', 'behandling-beskrivning'],
];

/**
 * A first DPIA round starts from the asset's latest screening when that said a DPIA is required
 * (or recommended): the asset and the description of the processing are not typed again. A later
 * round starts from the last fastställd DPIA instead, so this gives nothing then.
 */
export async function prefillFromScreening(db: Kysely<Database>, assetId: string): Promise<Record<string, unknown> | undefined> {
  const screening = await db
    .selectFrom('assessments')
    .select(['answers', 'summary', 'result'])
    .where('asset_id', '=', assetId)
    .where('kind', '=', 'dpia-screening')
    .orderBy('round', 'desc')
    .executeTakeFirst();
  if (!screening?.result) return undefined;
  const { outcome } = JSON.parse(screening.result) as { outcome?: string };
  if (!outcome || !leadsToDpia.has(outcome)) return undefined;
  const answers = JSON.parse(screening.answers) as Record<string, unknown>;
  const prefill = Object.fromEntries(carried.filter(([, from]) => typeof answers[from] === 'string' && answers[from] !== '').map(([to, from]) => [to, answers[from]]));
  return Object.keys(prefill).length > 0 ? prefill : undefined;
}
