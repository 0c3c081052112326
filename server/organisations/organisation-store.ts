import type { Kysely } from 'kysely';
import type { Database, OrganisationKind } from '../db/schema';
import { nowIso } from '../ids';

export async function insertOrganisation(db: Kysely<Database>, organisation: { id: string; parentId: string; name: string; kind: OrganisationKind; isCentral: boolean }): Promise<void> {
  await db
    .insertInto('organisations')
    .values({ id: organisation.id, parent_id: organisation.parentId, name: organisation.name, kind: organisation.kind, is_central: organisation.isCentral ? 1 : 0, created_at: nowIso() })
    .execute();
}

/** Renames the organisation, marks it central or not, or turns separation of duties off or on: only what is given. */
export async function updateOrganisation(db: Kysely<Database>, id: string, changes: { name?: string | undefined; isCentral?: boolean | undefined; separationOfDuties?: boolean | undefined }): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.isCentral !== undefined ? { is_central: changes.isCentral ? 1 : 0 } : {}),
      ...(changes.separationOfDuties !== undefined ? { separation_of_duties: changes.separationOfDuties ? 1 : 0 } : {}),
    })
    .where('id', '=', id)
    .execute();
}
