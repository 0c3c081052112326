import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('informationsagare', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('objektagare', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('objektledare_user_id', 'text', (column) => column.references('users.id'))
    .addColumn('suppliers', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('hosting', 'text')
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('external_id', 'text')
    .addColumn('archived_at', 'text')
    // Kept in step with the asset's classifications, so lists and reports need no scan of assessments.
    .addColumn('classification_status', 'text', (column) =>
      column.notNull().defaultTo('ej_klassad').check(sql`classification_status in ('ej_klassad', 'pagar', 'faststalld')`),
    )
    .addColumn('profile', 'text')
    .addColumn('next_review_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('assets_organisation').on('assets').columns(['organisation_id', 'name']).execute();
  await db.schema
    .createIndex('assets_external_id')
    .on('assets')
    .columns(['organisation_id', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('classification', 'dpia-screening', 'dpia')`))
    .addColumn('form_id', 'text', (column) => column.notNull())
    .addColumn('form_version', 'integer', (column) => column.notNull())
    .addColumn('round', 'integer', (column) => column.notNull())
    .addColumn('previous_id', 'text', (column) => column.references('assessments.id'))
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('utkast', 'for_granskning', 'faststalld')`),
    )
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('answers', 'text', (column) => column.notNull())
    .addColumn('result', 'text')
    .addColumn('summary', 'text')
    .addColumn('missing', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('profile', 'text')
    .addColumn('plan_hash', 'text')
    .addColumn('created_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('assessments_asset').on('assessments').columns(['asset_id', 'kind', 'round']).unique().execute();

  // What each save changed, so a stale save can be told which questions moved since its base revision.
  await db.schema
    .createTable('assessment_revisions')
    .addColumn('assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('changed', 'text', (column) => column.notNull())
    .addColumn('saved_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('saved_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('assessment_revisions_pk', ['assessment_id', 'revision'])
    .execute();

  await db.schema
    .createTable('plan_items')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('source', 'text', (column) => column.notNull().check(sql`source in ('classification', 'dpia')`))
    .addColumn('source_key', 'text', (column) => column.notNull())
    .addColumn('assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('detail', 'text', (column) => column.notNull())
    .addColumn('applicable', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('ej_bedomd', 'uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_tillampligt', 'risk_accepterad')`),
    )
    .addColumn('status_motivation', 'text')
    .addColumn('risk_decided_by', 'text')
    .addColumn('risk_decided_on', 'text')
    .addColumn('risk_valid_until', 'text')
    .addColumn('ansvarig', 'text')
    .addColumn('priority', 'text', (column) => column.check(sql`priority in ('hog', 'medel', 'lag')`))
    .addColumn('planned_date', 'text')
    .addColumn('hur', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('comment', 'text')
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('plan_items_source').on('plan_items').columns(['asset_id', 'source', 'source_key']).unique().execute();

  await db.schema
    .createTable('requirement_defaults')
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('requirement_id', 'text', (column) => column.notNull())
    .addColumn('hur', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('requirement_defaults_pk', ['organisation_id', 'requirement_id'])
    .execute();
}
