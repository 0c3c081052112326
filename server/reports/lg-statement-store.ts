import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { WriteTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { nowIso } from '../ids';

/** What the ISAM writes into a year's Ledningens genomgång before it is generated. */
export interface LgStatement {
  year: number;
  conclusions: string;
  proposedActions: string;
  revision: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export async function lgStatement(db: Kysely<Database>, organisationId: string, year: number): Promise<LgStatement> {
  const row = await db
    .selectFrom('lg_statements')
    .leftJoin('users', 'users.id', 'lg_statements.updated_by')
    .select(['lg_statements.conclusions', 'lg_statements.proposed_actions', 'lg_statements.revision', 'lg_statements.updated_at', 'users.name'])
    .where('lg_statements.organisation_id', '=', organisationId)
    .where('lg_statements.year', '=', year)
    .executeTakeFirst();
  if (!row) return { year, conclusions: '', proposedActions: '', revision: 0, updatedBy: null, updatedAt: null };
  return { year, conclusions: row.conclusions, proposedActions: row.proposed_actions, revision: row.revision, updatedBy: row.name, updatedAt: row.updated_at };
}

/**
 * Stores the statement if `baseRevision` is the stored one (0 for none yet): two ISAMs editing at
 * once get one winner and a 409, never a silent overwrite.
 */
export async function saveLgStatement(
  trx: WriteTransaction,
  organisationId: string,
  year: number,
  input: { conclusions: string; proposedActions: string; baseRevision: number },
  userId: string,
): Promise<void> {
  const now = nowIso();
  const values = { conclusions: input.conclusions, proposed_actions: input.proposedActions, revision: input.baseRevision + 1, updated_by: userId, updated_at: now };
  if (input.baseRevision === 0) {
    const exists = await trx.selectFrom('lg_statements').select('revision').where('organisation_id', '=', organisationId).where('year', '=', year).executeTakeFirst();
    if (exists) throw new AppError('conflict', `The statement was written meanwhile (now revision ${exists.revision}); reload it`, { currentRevision: exists.revision });
    await trx.insertInto('lg_statements').values({ organisation_id: organisationId, year, ...values }).execute();
    return;
  }
  const updated = await trx.updateTable('lg_statements').set(values).where('organisation_id', '=', organisationId).where('year', '=', year).where('revision', '=', input.baseRevision).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'The statement was changed meanwhile; reload it');
}
