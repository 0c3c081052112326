import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, IdentityProvidersTable, SsoProtocol } from '../db/schema';
import { newId, nowIso } from '../ids';
import { compareSwedish } from '../text/swedish-keys';
import { type ProviderInput, type ProviderSettings, providerSettingsSchema, type RoleMapping, roleMappingSchema } from './provider-schemas';
import { openSecret, sealSecret } from './secret-box';

/** An identity provider as the login code needs it, secret opened. */
export interface IdentityProvider {
  id: string;
  organisationId: string;
  protocol: SsoProtocol;
  displayName: string;
  enabled: boolean;
  settings: ProviderSettings;
  /** Undefined when none is stored, or when it cannot be opened (a data folder restored without its key): the admin enters it again. */
  clientSecret: string | undefined;
  clientSecretStored: boolean;
  roleMappings: RoleMapping[];
}

type Db = Kysely<Database> | Transaction<Database>;

function openedOrUndefined(dataDir: string, sealed: string): string | undefined {
  try {
    return openSecret(dataDir, sealed);
  } catch {
    return undefined;
  }
}

function fromRow(row: Selectable<IdentityProvidersTable>, dataDir: string): IdentityProvider {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    protocol: row.protocol,
    displayName: row.display_name,
    enabled: row.enabled === 1,
    // Parsed again on the way out: a row is trusted no more than a request.
    settings: providerSettingsSchema.parse(JSON.parse(row.settings)),
    clientSecret: row.client_secret === null ? undefined : openedOrUndefined(dataDir, row.client_secret),
    clientSecretStored: row.client_secret !== null,
    roleMappings: roleMappingSchema.array().parse(JSON.parse(row.role_mappings)),
  };
}

export async function findProvider(db: Db, dataDir: string, id: string): Promise<IdentityProvider | undefined> {
  const row = await db.selectFrom('identity_providers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row, dataDir) : undefined;
}

export async function providersOf(db: Db, dataDir: string, organisationId: string): Promise<IdentityProvider[]> {
  const rows = await db.selectFrom('identity_providers').selectAll().where('organisation_id', '=', organisationId).execute();
  return rows.toSorted((a, b) => compareSwedish(a.display_name, b.display_name)).map((row) => fromRow(row, dataDir));
}

/** What the anonymous login page may know: an opaque id and the name to show. */
export async function enabledProviders(db: Db): Promise<{ id: string; displayName: string; protocol: SsoProtocol }[]> {
  // A handful of rows, in Swedish order in TypeScript: SQL would sort them by each engine's collation.
  const rows = await db.selectFrom('identity_providers').select(['id', 'display_name', 'protocol']).where('enabled', '=', 1).execute();
  return rows.toSorted((a, b) => compareSwedish(a.display_name, b.display_name)).map((row) => ({ id: row.id, displayName: row.display_name, protocol: row.protocol }));
}

function columns(input: ProviderInput) {
  return {
    protocol: input.settings.protocol,
    display_name: input.displayName,
    enabled: input.enabled ? 1 : 0,
    settings: JSON.stringify(input.settings),
    role_mappings: JSON.stringify(input.roleMappings),
    updated_at: nowIso(),
  };
}

export async function insertProvider(trx: Transaction<Database>, dataDir: string, organisationId: string, input: ProviderInput): Promise<string> {
  const id = newId();
  const secret = input.clientSecret ? sealSecret(dataDir, input.clientSecret) : null;
  await trx.insertInto('identity_providers')
    .values({ id, organisation_id: organisationId, ...columns(input), client_secret: secret, created_at: nowIso() }).execute();
  return id;
}

/** Replaces the settings; the secret changes only when the input names one (null removes it), and a SAML provider never keeps one. */
export async function updateProvider(trx: Transaction<Database>, dataDir: string, id: string, input: ProviderInput): Promise<void> {
  const secret = input.settings.protocol === 'saml' || input.clientSecret === null
    ? { client_secret: null }
    : input.clientSecret === undefined ? {} : { client_secret: sealSecret(dataDir, input.clientSecret) };
  await trx.updateTable('identity_providers').set({ ...columns(input), ...secret }).where('id', '=', id).execute();
}

export async function deleteProvider(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.deleteFrom('identity_providers').where('id', '=', id).execute();
}
