import type { Kysely } from 'kysely';
import type { Asset, InventoryAsset } from '../assets/asset-schemas';
import type { Database } from '../db/schema';
import { dpiaStateNames, screeningStateNames } from '../reports/dpia-state-labels';
import { assetTypeNames } from '../reports/labels';
import type { ExportTable } from './export-table';

const statusNames: Record<Asset['classificationStatus'], string> = { ej_klassad: 'Ej klassad', pagar: 'Pågår', faststalld: 'Fastställd', omprovning_forfaller: 'Omprövning förfaller' };
const aspects = ['K', 'R', 'T', 'S'] as const;

const day = (iso: string | null | undefined) => iso?.slice(0, 10) ?? '';

function profileText(profile: Asset['profile']): string {
  if (!profile) return '';
  return aspects.map((aspect) => `${aspect}${profile[aspect] ?? '–'}`).join(' ');
}

/** When each asset's classification in force was decided and last confirmed unchanged, in one query. */
async function decisionDates(db: Kysely<Database>, assetIds: readonly string[]): Promise<Map<string, { decidedAt: string | null; reviewedAt: string | null }>> {
  const dates = new Map<string, { decidedAt: string | null; reviewedAt: string | null }>();
  if (assetIds.length === 0) return dates;
  const rows = await db
    .selectFrom('assessments')
    .select(['asset_id', 'decided_at', 'reviewed_at'])
    .where('kind', '=', 'classification')
    .where('status', '=', 'faststalld')
    .where('next_review_at', 'is not', null)
    .execute();
  const wanted = new Set(assetIds);
  for (const row of rows) if (wanted.has(row.asset_id)) dates.set(row.asset_id, { decidedAt: row.decided_at, reviewedAt: row.reviewed_at });
  return dates;
}

/** The inventory with profiles and the review cycle, one row per asset (the ISAM's förteckning, back out). */
export async function inventoryTable(db: Kysely<Database>, assets: readonly InventoryAsset[], now: Date = new Date()): Promise<ExportTable> {
  const dates = await decisionDates(db, assets.map((asset) => asset.id));
  return {
    sheet: 'Informationstillgångar',
    header: ['Id', 'Externt id', 'Namn', 'Typ', 'Organisation', 'Informationsägare', 'Objektägare', 'Leverantörer', 'Klassning', 'Profil', 'K', 'R', 'T', 'S', 'Fastställd', 'Senast omprövad', 'Nästa omprövning', 'Omprövning försenad', 'Taggar', 'Förhandsbedömning', 'Konsekvensbedömning'],
    rows: assets.map((asset) => {
      const decided = dates.get(asset.id);
      const overdue = asset.nextReviewAt !== null && new Date(asset.nextReviewAt).getTime() < now.getTime();
      return [
        asset.id,
        asset.externalId,
        asset.name,
        assetTypeNames[asset.type] ?? asset.type,
        asset.organisationName,
        asset.informationsagare,
        asset.objektagare,
        asset.suppliers.join(', '),
        statusNames[asset.classificationStatus],
        profileText(asset.profile),
        asset.profile?.K ?? null,
        asset.profile?.R ?? null,
        asset.profile?.T ?? null,
        asset.profile?.S ?? null,
        day(decided?.decidedAt),
        day(decided?.reviewedAt),
        day(asset.nextReviewAt),
        asset.nextReviewAt ? (overdue ? 'Ja' : 'Nej') : '',
        asset.tags.join(', '),
        screeningStateNames[asset.dataProtection.screening],
        dpiaStateNames[asset.dataProtection.dpia],
      ];
    }),
  };
}
