import type { Kysely, Selectable } from 'kysely';
import type { AssessmentsTable, Database } from '../db/schema';

export type AssessmentRow = Selectable<AssessmentsTable> & { organisation_id: string };

export interface Assessment {
  id: string;
  assetId: string;
  organisationId: string;
  kind: AssessmentsTable['kind'];
  form: { id: string; version: number };
  round: number;
  previousId: string | null;
  status: AssessmentsTable['status'];
  revision: number;
  answers: Record<string, unknown>;
  result: Record<string, unknown> | null;
  summary: string | null;
  missing: { field: string; message: string }[];
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

export function toAssessment(row: AssessmentRow, withResult = true): Assessment {
  return {
    ...toAssessmentHead(row),
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    result: withResult && row.result ? (JSON.parse(row.result) as Record<string, unknown>) : null,
  };
}

type HeadRow = Pick<
  AssessmentRow,
  'id' | 'asset_id' | 'organisation_id' | 'kind' | 'form_id' | 'form_version' | 'round' | 'previous_id' | 'status' | 'revision' | 'summary' | 'missing' | 'created_at' | 'updated_at' | 'decided_at'
>;

function toAssessmentHead(row: HeadRow): AssessmentHead {
  return {
    id: row.id,
    assetId: row.asset_id,
    organisationId: row.organisation_id,
    kind: row.kind,
    form: { id: row.form_id, version: row.form_version },
    round: row.round,
    previousId: row.previous_id,
    status: row.status,
    revision: row.revision,
    summary: row.summary,
    missing: JSON.parse(row.missing) as Assessment['missing'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    decidedAt: row.decided_at,
  };
}

function selectAssessments(db: Kysely<Database>) {
  return db.selectFrom('assessments').innerJoin('assets', 'assets.id', 'assessments.asset_id').selectAll('assessments').select('assets.organisation_id');
}

/** An assessment without its two large columns: what a caller needs that reads or replaces the answers itself. */
export type AssessmentHead = Omit<Assessment, 'answers' | 'result'>;

/** The change path loads the answers inside its transaction; parsing them here as well would double the cost of every keystroke. */
export async function findAssessmentHead(db: Kysely<Database>, id: string): Promise<AssessmentHead | undefined> {
  const row = await db
    .selectFrom('assessments')
    .innerJoin('assets', 'assets.id', 'assessments.asset_id')
    .select([
      'assessments.id', 'assessments.asset_id', 'assets.organisation_id', 'assessments.kind', 'assessments.form_id', 'assessments.form_version', 'assessments.round',
      'assessments.previous_id', 'assessments.status', 'assessments.revision', 'assessments.summary', 'assessments.missing', 'assessments.created_at',
      'assessments.updated_at', 'assessments.decided_at',
    ])
    .where('assessments.id', '=', id)
    .executeTakeFirst();
  return row ? toAssessmentHead(row) : undefined;
}

/** `withResult: false` skips parsing the stored result, the largest column, for callers that replace it. */
export async function findAssessment(db: Kysely<Database>, id: string, withResult = true): Promise<Assessment | undefined> {
  const row = await selectAssessments(db).where('assessments.id', '=', id).executeTakeFirst();
  return row ? toAssessment(row, withResult) : undefined;
}

export async function assessmentsOfAsset(db: Kysely<Database>, assetId: string): Promise<Assessment[]> {
  const rows = await selectAssessments(db).where('assessments.asset_id', '=', assetId).orderBy('assessments.kind').orderBy('assessments.round', 'desc').execute();
  return rows.map((row) => toAssessment(row));
}

export async function latestRound(db: Kysely<Database>, assetId: string, kind: AssessmentsTable['kind']): Promise<Assessment | undefined> {
  const row = await selectAssessments(db).where('assessments.asset_id', '=', assetId).where('assessments.kind', '=', kind).orderBy('assessments.round', 'desc').limit(1).executeTakeFirst();
  return row ? toAssessment(row) : undefined;
}

/** The question names saved since a revision: what a stale client missed. */
export async function changedSince(db: Kysely<Database>, assessmentId: string, revision: number): Promise<string[]> {
  const rows = await db.selectFrom('assessment_revisions').select('changed').where('assessment_id', '=', assessmentId).where('revision', '>', revision).execute();
  return [...new Set(rows.flatMap((row) => JSON.parse(row.changed) as string[]))].sort();
}
