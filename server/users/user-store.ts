import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password';
import type { Database, Role } from '../db/schema';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { compareSwedish } from '../text/swedish-keys';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function createUser(db: Kysely<Database>, input: { email: string; name: string; password: string }): Promise<string> {
  const email = normaliseEmail(input.email);
  if (await findUserByEmail(db, email)) {
    throw new AppError('conflict', `A user with e-mail ${email} already exists`, [{ field: 'body.email', message: 'already in use' }]);
  }
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('users')
    .values({ id, email, name: input.name.trim(), password_hash: await hashPassword(input.password), created_at: now, password_changed_at: now })
    .execute();
  return id;
}

export async function grantRole(db: Kysely<Database>, userId: string, organisationId: string, role: Role): Promise<boolean> {
  const result = await db
    .insertInto('memberships')
    .values({ user_id: userId, organisation_id: organisationId, role, granted_at: nowIso() })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether an active user holds the role in one of the organisations (an asset's organisation and those above it). */
export async function holdsRoleIn(db: Kysely<Database>, userId: string, role: Role, organisationIds: readonly string[]): Promise<boolean> {
  if (organisationIds.length === 0) return false;
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.user_id', '=', userId)
    .where('memberships.role', '=', role)
    .where('memberships.organisation_id', 'in', organisationIds)
    .where('users.is_active', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function membershipsWithNames(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.organisation_id', 'organisations.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.organisation_id')
    .orderBy('memberships.role')
    .execute();
  rows.sort((a, b) => compareSwedish(a.name, b.name));
  return rows.map((row) => ({ organisationId: row.organisation_id, organisationName: row.name, role: row.role }));
}

/** Revokes one role; false when the user did not hold it there. */
export async function revokeRole(db: Kysely<Database>, userId: string, organisationId: string, role: Role): Promise<boolean> {
  const removed = await db.deleteFrom('memberships').where('user_id', '=', userId).where('organisation_id', '=', organisationId).where('role', '=', role).executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}

/** Who holds which role in the organisation, by name in Swedish order. */
export async function membersOf(db: Kysely<Database>, organisationId: string): Promise<{ userId: string; email: string; name: string; role: Role }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.id')
    .orderBy('memberships.role')
    .execute();
  rows.sort((a, b) => compareSwedish(a.name, b.name));
  return rows.map((row) => ({ userId: row.id, email: row.email, name: row.name, role: row.role }));
}

export async function findUserSummary(db: Kysely<Database>, userId: string): Promise<{ id: string; email: string; name: string } | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirst();
}

export async function passwordHashOf(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst())?.password_hash;
}

export async function setPasswordHash(db: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: nowIso() }).where('id', '=', userId).execute();
}
