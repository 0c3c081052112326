import { type Kysely, sql } from 'kysely';
import { jsonText } from '../db/dialect';
import type { Database } from '../db/schema';
import type { AuditProblem } from './verify-chain';

/** A decision-bearing row beside the event that recorded it: the fields both must say alike. */
interface Pair {
  what: string;
  seq: number | null;
  fields: [name: string, inRow: unknown, inEvent: unknown][];
}

/** A text field of the event's JSON payload, read by either engine. */
const payload = (db: Kysely<Database>, ...path: string[]) => jsonText(db, 'audit_events.payload', path);

async function approvalPairs(db: Kysely<Database>): Promise<Pair[]> {
  const rows = await db
    .selectFrom('approvals')
    .leftJoin('audit_events', (join) => join.onRef(payload(db, 'approvalId'), '=', 'approvals.id').on('audit_events.entity_type', '=', 'assessment'))
    .select(['approvals.id', 'approvals.step', 'approvals.user_id', 'approvals.role', 'approvals.statement', 'approvals.assessment_id', 'audit_events.seq', 'audit_events.actor_user_id', 'audit_events.entity_id'])
    .select([payload(db, 'step').as('event_step'), payload(db, 'role').as('event_role'), payload(db, 'statement').as('event_statement')])
    .execute();
  return rows.map((row) => ({
    what: `approvals row ${row.id} (${row.step})`,
    seq: row.seq,
    fields: [['user_id', row.user_id, row.actor_user_id], ['assessment_id', row.assessment_id, row.entity_id], ['step', row.step, row.event_step], ['role', row.role, row.event_role], ['statement', row.statement, row.event_statement]],
  }));
}

async function loweringPairs(db: Kysely<Database>): Promise<Pair[]> {
  const rows = await db
    .selectFrom('lowering_approvals')
    .leftJoin('audit_events', (join) => join.onRef(payload(db, 'approvalId'), '=', 'lowering_approvals.id').on('audit_events.action', '=', 'assessment.approval_given'))
    .select(['lowering_approvals.id', 'lowering_approvals.user_id', 'lowering_approvals.aspect', 'lowering_approvals.statement', 'lowering_approvals.motivation', 'audit_events.seq', 'audit_events.actor_user_id'])
    .select([payload(db, 'aspect').as('event_aspect'), payload(db, 'statement').as('event_statement'), payload(db, 'motivation').as('event_motivation')])
    .execute();
  return rows.map((row) => ({
    what: `lowering_approvals row ${row.id}`,
    seq: row.seq,
    fields: [['user_id', row.user_id, row.actor_user_id], ['aspect', row.aspect, row.event_aspect], ['statement', row.statement, row.event_statement], ['motivation', row.motivation, row.event_motivation]],
  }));
}

async function protocolPairs(db: Kysely<Database>): Promise<Pair[]> {
  const rows = await db
    .selectFrom('protocols')
    .leftJoin('audit_events', (join) => join.onRef('audit_events.entity_id', '=', 'protocols.id').on('audit_events.action', '=', 'protocol.sealed'))
    .select(['protocols.id', 'protocols.assessment_id', 'protocols.sha256', 'protocols.content_sha256', 'protocols.audit_head_seq', 'audit_events.seq'])
    .select([payload(db, 'assessmentId').as('event_assessment'), payload(db, 'sha256').as('event_sha256'), payload(db, 'contentSha256').as('event_content'), payload(db, 'auditHead', 'seq').as('event_head')])
    .execute();
  return rows.map((row) => ({
    what: `protocols row ${row.id}`,
    seq: row.seq,
    fields: [['assessment_id', row.assessment_id, row.event_assessment], ['sha256', row.sha256, row.event_sha256], ['content_sha256', row.content_sha256, row.event_content], ['audit_head_seq', row.audit_head_seq, row.event_head]],
  }));
}

async function confirmationPairs(db: Kysely<Database>): Promise<Pair[]> {
  const rows = await db
    .selectFrom('review_confirmations')
    .leftJoin('audit_events', (join) => join.onRef(payload(db, 'confirmationId'), '=', 'review_confirmations.id').on('audit_events.action', '=', 'assessment.review_confirmed'))
    .select(['review_confirmations.id', 'review_confirmations.user_id', 'review_confirmations.statement', 'review_confirmations.sha256', 'audit_events.seq', 'audit_events.actor_user_id'])
    .select([payload(db, 'statement').as('event_statement'), payload(db, 'sha256').as('event_sha256')])
    .execute();
  return rows.map((row) => ({
    what: `review_confirmations row ${row.id}`,
    seq: row.seq,
    fields: [['user_id', row.user_id, row.actor_user_id], ['statement', row.statement, row.event_statement], ['sha256', row.sha256, row.event_sha256]],
  }));
}

async function templateVersionPairs(db: Kysely<Database>): Promise<Pair[]> {
  const rows = await db
    .selectFrom('template_versions')
    .leftJoin('audit_events', (join) => join.onRef(payload(db, 'versionId'), '=', 'template_versions.id').on('audit_events.action', '=', 'template.published'))
    .select(['template_versions.id', 'template_versions.published_by', 'template_versions.name', 'template_versions.profile_text', 'template_versions.lowering_policy', 'audit_events.seq', 'audit_events.actor_user_id'])
    .select([payload(db, 'name').as('event_name'), payload(db, 'profile').as('event_profile'), payload(db, 'loweringPolicy').as('event_policy')])
    .execute();
  return rows.map((row) => ({
    what: `template_versions row ${row.id}`,
    seq: row.seq,
    fields: [['published_by', row.published_by, row.actor_user_id], ['name', row.name, row.event_name], ['profile_text', row.profile_text, row.event_profile], ['lowering_policy', row.lowering_policy, row.event_policy]],
  }));
}

/** A withdrawal must follow from a return or a new piece of advice on the same assessment; otherwise someone voided an approval by hand. */
async function unexplainedWithdrawals(db: Kysely<Database>): Promise<AuditProblem[]> {
  const rows = await db
    .selectFrom('approval_withdrawals')
    .innerJoin('approvals', 'approvals.id', 'approval_withdrawals.approval_id')
    .select(['approval_withdrawals.approval_id', 'approval_withdrawals.cause', 'approvals.step'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('approvals as cause')
            .select('cause.id')
            .whereRef('cause.assessment_id', '=', 'approvals.assessment_id')
            .whereRef('cause.created_at', '>=', 'approval_withdrawals.withdrawn_at')
            .where(sql<boolean>`cause.step = case when approval_withdrawals.cause = 'returned' then 'returned' else 'dso_advice' end`),
        ),
      ),
    )
    .execute();
  return rows.map((row) => ({ kind: 'record', seq: null, message: `approval ${row.approval_id} (${row.step}) is withdrawn (${row.cause}) with no step that explains it` }));
}

/** A decision whose sealed protocol never came: pending after a failed seal, to be sealed by a retry. */
async function decisionsWithoutProtocol(db: Kysely<Database>): Promise<AuditProblem[]> {
  const rows = await db
    .selectFrom('approvals')
    .innerJoin('assessments', 'assessments.id', 'approvals.assessment_id')
    .select(['approvals.assessment_id', 'approvals.created_at'])
    .where('approvals.step', '=', 'decision')
    .where('assessments.kind', 'in', ['classification', 'dpia'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('protocols').select('protocols.id').whereRef('protocols.assessment_id', '=', 'approvals.assessment_id'))))
    .execute();
  return rows.map((row) => ({ kind: 'pending_protocol', seq: null, message: `the decision of ${row.created_at} on assessment ${row.assessment_id} has no sealed protocol (pending: seal it with POST /api/assessments/${row.assessment_id}/protocol)` }));
}

/** Each decision-bearing row against the audit event that recorded it; each decision against its protocol. */
export async function reconcileRecords(db: Kysely<Database>): Promise<AuditProblem[]> {
  const pairs = [...(await approvalPairs(db)), ...(await loweringPairs(db)), ...(await protocolPairs(db)), ...(await confirmationPairs(db)), ...(await templateVersionPairs(db))];
  const problems: AuditProblem[] = [];
  for (const pair of pairs) {
    if (pair.seq === null) {
      problems.push({ kind: 'record', seq: null, message: `${pair.what} has no audit event` });
      continue;
    }
    for (const [name, inRow, inEvent] of pair.fields) {
      if (String(inRow) !== String(inEvent)) problems.push({ kind: 'record', seq: pair.seq, message: `${pair.what}: ${name} differs from its audit event #${pair.seq}` });
    }
  }
  return [...problems, ...(await unexplainedWithdrawals(db)), ...(await decisionsWithoutProtocol(db))];
}
