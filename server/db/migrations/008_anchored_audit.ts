import { type Kysely, sql } from 'kysely';
import { refuseChange } from '../portable-schema';

/** A trigger pair that makes a table's rows records: no UPDATE, no DELETE, as audit_events and protocols already are. */
async function immutable(db: Kysely<unknown>, table: string, what: string, operations: ('update' | 'delete')[] = ['update', 'delete']): Promise<void> {
  for (const operation of operations) await refuseChange(db, `${table}_no_${operation}`, operation, table, `${what} are immutable`);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // The chain head (an event's seq and hash) signed with the seal key: a truncated or re-hashed chain no longer matches it.
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('seq', 'integer', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull().check(sql`reason in ('protocol', 'review_confirmation', 'daily')`))
    // Base64 signature over the canonical JSON { seq, hash, at }, and the seal certificate (DER, base64) that made it.
    .addColumn('signature', 'text', (column) => column.notNull())
    .addColumn('certificate', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('audit_checkpoints_seq').on('audit_checkpoints').columns(['seq']).execute();
  await db.schema.createIndex('audit_checkpoints_at').on('audit_checkpoints').columns(['at']).execute();
  await immutable(db, 'audit_checkpoints', 'audit checkpoints');

  // Each sealed document names the chain head at its sealing; the same figures are printed inside its signed bytes.
  for (const table of ['protocols', 'review_confirmations']) {
    await db.schema.alterTable(table).addColumn('audit_head_seq', 'integer').execute();
    await db.schema.alterTable(table).addColumn('audit_head_hash', 'text').execute();
  }

  // A withdrawal is a row of its own, so an approval is never changed once given.
  await db.schema
    .createTable('approval_withdrawals')
    .addColumn('approval_id', 'text', (column) => column.primaryKey().references('approvals.id'))
    .addColumn('withdrawn_at', 'text', (column) => column.notNull())
    .addColumn('cause', 'text', (column) => column.notNull().check(sql`cause in ('returned', 'new_advice')`))
    .execute();
  // Earlier withdrawals move over; the step that followed one (a return, or new advice) is its cause.
  await sql`insert into approval_withdrawals (approval_id, withdrawn_at, cause)
    select id, withdrawn_at, coalesce((
      select case when next.step = 'returned' then 'returned' else 'new_advice' end from approvals next
      where next.assessment_id = approvals.assessment_id and next.created_at >= approvals.withdrawn_at order by next.created_at limit 1
    ), 'returned')
    from approvals where withdrawn_at is not null`.execute(db);
  await db.schema.alterTable('approvals').dropColumn('withdrawn_at').execute();

  await immutable(db, 'approvals', 'approvals');
  await immutable(db, 'approval_withdrawals', 'approval withdrawals');
  await immutable(db, 'lowering_approvals', 'lowering approvals');
  await immutable(db, 'template_versions', 'template versions', ['delete']);
  // A fastställd assessment is frozen: what was decided cannot change under its protocol. (Review
  // dates move on, and the decision's time is kept by its approval row and printed in the protocol.)
  await refuseChange(db, 'assessments_decided_frozen', 'update', 'assessments', 'a fastställd assessment is immutable', {
    columns: ['asset_id', 'kind', 'form_id', 'form_version', 'round', 'status', 'revision', 'answers', 'result', 'summary', 'missing', 'profile'],
    when: "old.status = 'faststalld'",
  });
}
