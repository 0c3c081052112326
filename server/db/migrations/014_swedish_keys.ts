import type { Kysely } from 'kysely';
import { assetKeys, templateKeys } from '../../text/row-keys';
import type { Database } from '../schema';

/**
 * A Swedish sort key and a folded search key with each asset and template (server/text/swedish-keys.ts),
 * so search and sort agree on SQLite and PostgreSQL; existing rows get theirs here, computed in TypeScript.
 * Also an index for the dashboard's plan figures. Both keys are text; the sort key is ASCII, so binary order (SQLite, PostgreSQL's "C") is Swedish order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['assets', 'templates']) {
    await db.schema.alterTable(table).addColumn('sort_key', 'text', (column) => column.notNull().defaultTo('')).execute();
    await db.schema.alterTable(table).addColumn('search_key', 'text', (column) => column.notNull().defaultTo('')).execute();
  }
  await db.schema.createIndex('assets_sort_key').on('assets').columns(['sort_key', 'id']).execute();
  // The dashboard counts plan items by status and priority: read in this index's order, the counting
  // needs no sort of every item (SQLite then checks each item's asset by its key instead).
  await db.schema
    .createIndex('plan_items_by_status')
    .on('plan_items')
    .columns(['applicable', 'status', 'priority', 'asset_id', 'planned_date', 'risk_valid_until'])
    .execute();
  const typed = db as unknown as Kysely<Database>;
  // Kysely runs a SQLite migration outside a transaction (no transactional DDL): one keeps the backfill fast and whole.
  await (typed.isTransaction ? backfill(typed) : typed.transaction().execute(backfill));
}

async function backfill(db: Kysely<Database>): Promise<void> {
  const assets = await db.selectFrom('assets').select(['id', 'name', 'description', 'tags', 'suppliers', 'external_id']).execute();
  for (const asset of assets) {
    const keys = assetKeys({ name: asset.name, description: asset.description, tags: jsonList(asset.tags), suppliers: jsonList(asset.suppliers), externalId: asset.external_id });
    await db.updateTable('assets').set(keys).where('id', '=', asset.id).execute();
  }
  const versions = await db.selectFrom('template_versions').select(['template_id', 'name', 'description', 'levels']).orderBy('template_id').orderBy('version').execute();
  // In version order, so the map keeps the newest version of each template.
  const newest = new Map(versions.map((version) => [version.template_id, version]));
  for (const [templateId, version] of newest) {
    const informationSetNames = ((JSON.parse(version.levels) as { informationSets?: { name: string }[] }).informationSets ?? []).map((set) => set.name);
    await db.updateTable('templates').set(templateKeys({ name: version.name, description: version.description, informationSetNames })).where('id', '=', templateId).execute();
  }
}

function jsonList(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.map(String) : [];
}
