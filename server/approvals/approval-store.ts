import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApprovalsTable, ApprovalStep, Database, Role } from '../db/schema';
import { newId } from '../ids';
import type { ApprovalRecord } from '../protocols/protocol-types';

export interface ApprovalInput {
  assessmentId: string;
  step: ApprovalStep;
  userId: string;
  role: Role;
  statement: string;
  details: Record<string, string | null>;
  revision: number;
  at: string;
}

function toApproval(row: Selectable<ApprovalsTable>): ApprovalRecord {
  return {
    id: row.id,
    step: row.step,
    userId: row.user_id,
    userName: row.user_name,
    role: row.role,
    statement: row.statement,
    details: JSON.parse(row.details) as Record<string, string | null>,
    revision: row.revision,
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** Records one step, with the person's name as it is now, so a later rename leaves the record as it was. */
export async function insertApproval(trx: Transaction<Database>, input: ApprovalInput): Promise<ApprovalRecord> {
  const user = await trx.selectFrom('users').select('name').where('id', '=', input.userId).executeTakeFirstOrThrow();
  const row: Selectable<ApprovalsTable> = {
    id: newId(),
    assessment_id: input.assessmentId,
    step: input.step,
    user_id: input.userId,
    user_name: user.name,
    role: input.role,
    statement: input.statement,
    details: JSON.stringify(input.details),
    revision: input.revision,
    created_at: input.at,
    withdrawn_at: null,
  };
  await trx.insertInto('approvals').values(row).execute();
  return toApproval(row);
}

/** Every step ever taken on an assessment, oldest first, withdrawn ones included (they are history). */
export async function approvalsOf(db: Kysely<Database> | Transaction<Database>, assessmentId: string): Promise<ApprovalRecord[]> {
  const rows = await db.selectFrom('approvals').selectAll().where('assessment_id', '=', assessmentId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toApproval);
}

/** A return to utkast withdraws the steps given so far: the next review starts over. */
export async function withdrawApprovals(trx: Transaction<Database>, assessmentId: string, at: string): Promise<void> {
  await trx.updateTable('approvals').set({ withdrawn_at: at }).where('assessment_id', '=', assessmentId).where('withdrawn_at', 'is', null).where('step', '!=', 'returned').execute();
}
