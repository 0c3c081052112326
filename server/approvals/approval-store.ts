import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import type { ApprovalsTable, ApprovalStep, ApprovalWithdrawalsTable, Database, Role } from '../db/schema';
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
  /** A decision only. */
  reference?: DecisionReference;
}

/** Where a decision rests, both optional: the delegation and the case's diarienummer. */
export interface DecisionReference {
  delegation: string | null;
  diarienummer: string | null;
}

function toApproval(row: Selectable<ApprovalsTable> & { withdrawn_at: string | null }): ApprovalRecord {
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
    delegation: row.delegation,
    diarienummer: row.diarienummer,
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
    delegation: input.reference?.delegation ?? null,
    diarienummer: input.reference?.diarienummer ?? null,
  };
  await trx.insertInto('approvals').values(row).execute();
  return toApproval({ ...row, withdrawn_at: null });
}

/** Every step ever taken on an assessment, oldest first, withdrawn ones included (they are history). */
export async function approvalsOf(db: Kysely<Database> | Transaction<Database>, assessmentId: string): Promise<ApprovalRecord[]> {
  const rows = await db
    .selectFrom('approvals')
    .leftJoin('approval_withdrawals', 'approval_withdrawals.approval_id', 'approvals.id')
    .selectAll('approvals')
    .select('approval_withdrawals.withdrawn_at')
    .where('approvals.assessment_id', '=', assessmentId)
    .orderBy('approvals.created_at')
    .orderBy('approvals.id')
    .execute();
  return rows.map(toApproval);
}

/**
 * Withdraws the steps still in force (of one kind, or all but returns): each gets a withdrawal row,
 * the approval itself is never changed (its table refuses it).
 */
export async function withdrawApprovals(trx: Transaction<Database>, assessmentId: string, at: string, cause: ApprovalWithdrawalsTable['cause'], step?: ApprovalStep): Promise<void> {
  let active = trx
    .selectFrom('approvals')
    .select('approvals.id')
    .where('approvals.assessment_id', '=', assessmentId)
    .where('approvals.step', '!=', 'returned')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('approval_withdrawals').select('approval_withdrawals.approval_id').whereRef('approval_withdrawals.approval_id', '=', 'approvals.id'))));
  if (step) active = active.where('approvals.step', '=', step);
  const ids = (await active.execute()).map((row) => row.id);
  if (ids.length === 0) return;
  await trx.insertInto('approval_withdrawals').values(ids.map((id) => ({ approval_id: id, withdrawn_at: at, cause }))).execute();
}

/** For queries that ask whether a step of a kind is in force on an assessment (the to-do list). */
export function activeStepExists(eb: ExpressionBuilder<Database, 'assessments' | 'assets'>, step: ApprovalStep) {
  return eb.exists(
    eb
      .selectFrom('approvals')
      .select('approvals.id')
      .whereRef('approvals.assessment_id', '=', 'assessments.id')
      .where('approvals.step', '=', step)
      .where((inner) => inner.not(inner.exists(inner.selectFrom('approval_withdrawals').select('approval_withdrawals.approval_id').whereRef('approval_withdrawals.approval_id', '=', 'approvals.id')))),
  );
}
