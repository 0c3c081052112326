import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** The organisation's own annual budget in kronor; a budget is never inherited, each nämnd has its own. */
export async function annualBudgetOf(db: Kysely<Database>, organisationId: string): Promise<number | null> {
  const row = await db.selectFrom('organisations').select('annual_budget_sek').where('id', '=', organisationId).executeTakeFirst();
  return row?.annual_budget_sek ?? null;
}

export async function setAnnualBudget(trx: Transaction<Database>, organisationId: string, kronor: number | null): Promise<void> {
  await trx.updateTable('organisations').set({ annual_budget_sek: kronor }).where('id', '=', organisationId).execute();
}
