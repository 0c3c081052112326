import type { Kysely } from 'kysely';
import { newId } from '../../ids';

/**
 * Plans that outlive a catalog version, and their history.
 * - plan_items.requirement_version: the version of the requirement the item now shows;
 *   assessed_against (JSON list of `{ id, version }`): the requirement(s) its status was judged
 *   against, so an item whose requirement changed since is flagged for reassessment;
 *   replaced_by (JSON list of requirement ids): set on an item whose requirement a newer catalog
 *   replaced, which stays as history beside its successors.
 * - plan_item_events: every change of an item's status, ansvarig, dates or applicability, with who
 *   and when, so a past year's Ledningens genomgång shows that year's state.
 * - lg_statements: what the ISAM writes into a year's Ledningens genomgång.
 * - plan_catalog_moves: each time an ISAM moved an asset's plan to a newer requirement catalog.
 * Existing items get their version from the detail they were synced with, and one event each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_items').addColumn('requirement_version', 'integer').execute();
  await db.schema.alterTable('plan_items').addColumn('assessed_against', 'text').execute();
  await db.schema.alterTable('plan_items').addColumn('replaced_by', 'text').execute();
  await db.schema
    .createTable('plan_item_events')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('plan_item_id', 'text', (column) => column.notNull().references('plan_items.id'))
    .addColumn('asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('changed_at', 'text', (column) => column.notNull())
    .addColumn('changed_by', 'text', (column) => column.references('users.id'))
    .addColumn('change', 'text', (column) => column.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('plan_item_events_item').on('plan_item_events').columns(['plan_item_id', 'changed_at']).execute();
  await db.schema.createIndex('plan_item_events_asset').on('plan_item_events').columns(['asset_id', 'changed_at']).execute();
  await db.schema
    .createTable('lg_statements')
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (column) => column.notNull())
    .addColumn('conclusions', 'text', (column) => column.notNull())
    .addColumn('proposed_actions', 'text', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('lg_statements_pk', ['organisation_id', 'year'])
    .execute();
  await db.schema
    .createTable('plan_catalog_moves')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('catalog_id', 'text', (column) => column.notNull())
    .addColumn('from_version', 'integer', (column) => column.notNull())
    .addColumn('to_version', 'integer', (column) => column.notNull())
    .addColumn('counts', 'text', (column) => column.notNull())
    .addColumn('moved_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('moved_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('plan_catalog_moves_asset').on('plan_catalog_moves').columns(['asset_id', 'moved_at']).execute();
  await backfill(db);
}

interface ExistingItem {
  id: string;
  asset_id: string;
  source: string;
  source_key: string;
  detail: string;
  applicable: number;
  status: string;
  ansvarig: string | null;
  planned_date: string | null;
  risk_valid_until: string | null;
  updated_at: string;
  requirement_version: number | null;
  assessed_against: string | null;
}

/** The two tables as this migration leaves them, not as later ones may change them. */
interface BackfillTables {
  plan_items: ExistingItem;
  plan_item_events: { id: string; plan_item_id: string; asset_id: string; changed_at: string; changed_by: string | null; change: string; from_state: string | null; to_state: string };
}

/** Done in TypeScript with plain selects and updates, so it runs the same on every engine. */
async function backfill(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<BackfillTables>;
  const items = await db
    .selectFrom('plan_items')
    .select(['id', 'asset_id', 'source', 'source_key', 'detail', 'applicable', 'status', 'ansvarig', 'planned_date', 'risk_valid_until', 'updated_at'])
    .execute();
  for (const item of items) {
    const version = item.source === 'classification' ? detailVersion(item.detail) : null;
    if (version !== null) {
      await db
        .updateTable('plan_items')
        .set({ requirement_version: version, assessed_against: JSON.stringify([{ id: item.source_key, version }]) })
        .where('id', '=', item.id)
        .execute();
    }
    // What the item was when this migration ran: earlier changes were not kept, so its history starts here.
    const state = { status: item.status, ansvarig: item.ansvarig, plannedDate: item.planned_date, riskValidUntil: item.risk_valid_until, applicable: item.applicable === 1, requirementVersion: version };
    await db
      .insertInto('plan_item_events')
      .values({ id: newId(), plan_item_id: item.id, asset_id: item.asset_id, changed_at: item.updated_at, changed_by: null, change: 'recorded', from_state: null, to_state: JSON.stringify(state) })
      .execute();
  }
}

function detailVersion(detail: string): number | null {
  const parsed = JSON.parse(detail) as { version?: unknown };
  return typeof parsed.version === 'number' ? parsed.version : null;
}
