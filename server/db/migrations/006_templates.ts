import { type Kysely, sql } from 'kysely';
import { refuseChange } from '../portable-schema';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A normative classification published by a central organisation; its content lives in versions.
  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('source_asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('created_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('templates_organisation').on('templates').columns(['organisation_id']).execute();

  // Each published version is a frozen snapshot: answers, levels, lowering policy, central requirements.
  await db.schema
    .createTable('template_versions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('template_id', 'text', (column) => column.notNull().references('templates.id'))
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('source_assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('form_id', 'text', (column) => column.notNull())
    .addColumn('form_version', 'integer', (column) => column.notNull())
    .addColumn('answers', 'text', (column) => column.notNull())
    .addColumn('levels', 'text', (column) => column.notNull())
    .addColumn('profile_text', 'text', (column) => column.notNull())
    .addColumn('lowering_policy', 'text', (column) => column.notNull().check(sql`lowering_policy in ('never', 'with_approval')`))
    .addColumn('lowering_approver', 'text', (column) => column.check(sql`lowering_approver in ('central', 'local')`))
    .addColumn('fulfilled', 'text', (column) => column.notNull())
    .addColumn('published_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('published_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('template_versions_number').on('template_versions').columns(['template_id', 'version']).unique().execute();
  await refuseChange(db, 'template_versions_no_update', 'update', 'template_versions', 'template versions are immutable');

  // One adoption per local asset: the version it rests on, and the newest version its owner has not yet reviewed.
  await db.schema
    .createTable('template_adoptions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('template_id', 'text', (column) => column.notNull().references('templates.id'))
    .addColumn('template_version_id', 'text', (column) => column.notNull().references('template_versions.id'))
    .addColumn('asset_id', 'text', (column) => column.notNull().unique().references('assets.id'))
    .addColumn('pending_version_id', 'text', (column) => column.references('template_versions.id'))
    .addColumn('motivations', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('adopted_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('adopted_at', 'text', (column) => column.notNull())
    .addColumn('reviewed_at', 'text')
    .execute();
  await db.schema.createIndex('template_adoptions_template').on('template_adoptions').columns(['template_id']).execute();

  // The approval a lowering needs, given for one aspect at one local level; recorded like a sign-off step.
  await db.schema
    .createTable('lowering_approvals')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('template_version_id', 'text', (column) => column.notNull().references('template_versions.id'))
    .addColumn('aspect', 'text', (column) => column.notNull())
    .addColumn('template_level', 'integer')
    .addColumn('local_level', 'integer')
    .addColumn('motivation', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('user_name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('statement', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('lowering_approvals_assessment').on('lowering_approvals').columns(['assessment_id', 'aspect']).execute();

  // A requirement the central owner fulfils for everyone: shown as fulfilled centrally, with the central "hur".
  await db.schema.alterTable('plan_items').addColumn('central_hur', 'text').execute();
}
