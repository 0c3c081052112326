import { type Kysely, sql } from 'kysely';
import { chainSequenceKey, refuseChange } from '../portable-schema';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('email', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('is_active', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('password_changed_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('role', 'text', (column) =>
      column.notNull().check(sql`role in ('admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare')`),
    )
    .addColumn('granted_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'organisation_id', 'role'])
    .execute();
  await db.schema.createIndex('memberships_organisation').on('memberships').column('organisation_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'integer', chainSequenceKey(db))
    .addColumn('id', 'text', (column) => column.notNull().unique())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('asset_id', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('entity_type', 'text', (column) => column.notNull())
    .addColumn('entity_id', 'text', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('audit_events_asset').on('audit_events').columns(['asset_id', 'seq']).execute();
  // Append-only: the database itself refuses to change or remove an event.
  await refuseChange(db, 'audit_events_no_update', 'update', 'audit_events', 'audit events are append-only');
  await refuseChange(db, 'audit_events_no_delete', 'delete', 'audit_events', 'audit events are append-only');
}
