import { type Kysely, sql } from 'kysely';

/**
 * Single sign-on (issue 15): each organisation's identity providers, the external identities
 * linked to Sigill accounts, pending logins, consumed SAML assertions and the IdP session
 * behind a Sigill session. Login state lives here, not in memory, so a login started on one
 * process finishes on another and a replayed assertion is refused after a restart too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('identity_providers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('protocol', 'text', (column) => column.notNull().check(sql`protocol in ('oidc', 'saml')`))
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('settings', 'text', (column) => column.notNull())
    .addColumn('client_secret', 'text')
    .addColumn('role_mappings', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('identity_providers_organisation').on('identity_providers').column('organisation_id').execute();

  await db.schema
    .createTable('sso_identities')
    .addColumn('issuer', 'text', (column) => column.notNull())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('provider_id', 'text', (column) => column.notNull())
    .addColumn('trust_anchor', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_login_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('sso_identities_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('sso_identities_user').on('sso_identities').column('user_id').execute();

  await db.schema
    .createTable('sso_login_requests')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('provider_id', 'text', (column) => column.notNull().references('identity_providers.id').onDelete('cascade'))
    .addColumn('browser_hash', 'text')
    .addColumn('nonce', 'text')
    .addColumn('code_verifier', 'text')
    .addColumn('return_to', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('consumed_at', 'text')
    .execute();

  await db.schema
    .createTable('sso_consumed_assertions')
    .addColumn('provider_id', 'text', (column) => column.notNull())
    .addColumn('assertion_id', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('sso_consumed_assertions_pk', ['provider_id', 'assertion_id'])
    .execute();

  await db.schema
    .createTable('sso_sessions')
    .addColumn('session_token_hash', 'text', (column) => column.primaryKey().references('sessions.token_hash').onDelete('cascade'))
    .addColumn('provider_id', 'text', (column) => column.notNull().references('identity_providers.id').onDelete('cascade'))
    .addColumn('id_token', 'text')
    .addColumn('name_id', 'text')
    .addColumn('name_id_format', 'text')
    .addColumn('session_index', 'text')
    .execute();
}
