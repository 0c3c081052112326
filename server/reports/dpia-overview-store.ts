import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AssessmentStatus, DpiaDecision, DpiaState, ScreeningState } from '../../scoring/enumerations';
import { bytewise, jsonIsTrue, jsonText } from '../db/dialect';
import type { Database } from '../db/schema';

/**
 * The dataskyddsombud's view of each asset, in SQL so the inventory can filter and page on it and the
 * overview can count it: the newest screening round's outcome and the newest DPIA round's place in
 * the sign-off. Correlated on `assets.id` (the unique index on asset_id, kind, round finds the newest
 * round); the JSON is read through the dialect helpers, so the same query runs on SQLite and PostgreSQL.
 */
function newestRound(kind: 'dpia-screening' | 'dpia', select: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select ${select} from assessments n where n.asset_id = assets.id and n.kind = ${sql.lit(kind)} order by n.round desc limit 1)`;
}

/** The newest screening's outcome as the DSO reads it; "ej-screenad" without one. */
export function screeningStateOf(db: Kysely<Database>): RawBuilder<ScreeningState> {
  const state = sql`case
    when ${jsonIsTrue(db, 'n.result', ['dsoDecisionNeeded'])} then 'undantag-vantar'
    when ${jsonText(db, 'n.result', ['exemptionDecision', 'decision'])} = 'godtas' then 'undantag-godtaget'
    else coalesce(${jsonText(db, 'n.result', ['outcome'])}, 'ej-besvarad') end`;
  return sql<ScreeningState>`coalesce(${newestRound('dpia-screening', state)}, 'ej-screenad')`;
}

/** The newest DPIA's step: utkast, waiting for the DSO's advice (art. 35.2), waiting for the decision, or beslutad. */
export function dpiaStateOf(): RawBuilder<DpiaState> {
  const advised = sql`exists (select 1 from approvals a where a.assessment_id = n.id and a.step = 'dso_advice'
    and not exists (select 1 from approval_withdrawals w where w.approval_id = a.id))`;
  const state = sql`case when n.status = 'faststalld' then 'beslutad' when n.status = 'utkast' then 'utkast'
    when ${advised} then 'vantar-beslut' else 'vantar-dso-rad' end`;
  return sql<DpiaState>`coalesce(${newestRound('dpia', state)}, 'ej-paborjad')`;
}

export function newestAssessmentId(kind: 'dpia-screening' | 'dpia'): RawBuilder<string | null> {
  return newestRound(kind, sql`n.id`) as RawBuilder<string | null>;
}

/** What the inventory shows of an asset's data protection: the two states and the assessments they link to. */
export interface DataProtection {
  screening: ScreeningState;
  screeningId: string | null;
  dpia: DpiaState;
  dpiaId: string | null;
}

export interface DataProtectionColumns {
  screening_state: ScreeningState;
  screening_id: string | null;
  dpia_state: DpiaState;
  dpia_id: string | null;
}

/** The four columns a query over `assets` adds for the DataProtection of each row. */
export function dataProtectionColumns(db: Kysely<Database>) {
  return [
    screeningStateOf(db).as('screening_state'),
    newestAssessmentId('dpia-screening').as('screening_id'),
    dpiaStateOf().as('dpia_state'),
    newestAssessmentId('dpia').as('dpia_id'),
  ] as const;
}

export function toDataProtection(row: DataProtectionColumns): DataProtection {
  return { screening: row.screening_state, screeningId: row.screening_id, dpia: row.dpia_state, dpiaId: row.dpia_id };
}

/** How many assets of the organisations are in each state, one row per state that occurs. */
export async function countByState(db: Kysely<Database>, organisationIds: readonly string[], which: 'screening' | 'dpia'): Promise<Map<string, number>> {
  if (organisationIds.length === 0) return new Map();
  const state: RawBuilder<string> = which === 'screening' ? screeningStateOf(db) : dpiaStateOf();
  const states = db
    .selectFrom('assets')
    .select(state.as('state'))
    .where('assets.organisation_id', 'in', organisationIds)
    .where('assets.archived_at', 'is', null)
    .as('states');
  const rows = await db.selectFrom(states).select((eb) => ['states.state', eb.fn.countAll<number>().as('count')]).groupBy('states.state').execute();
  return new Map(rows.map((row) => [row.state, Number(row.count)]));
}

export interface OverviewRow {
  assetId: string;
  assetName: string;
  organisationName: string;
  screening: ScreeningState;
  screeningId: string | null;
  screeningStatus: AssessmentStatus | null;
  dpia: DpiaState;
  dpiaId: string | null;
  dpiaStatus: AssessmentStatus | null;
  dpiaDecision: DpiaDecision | null;
  updatedAt: string | null;
}

/**
 * The assets of the organisations that have a screening or a DPIA, in Swedish order, at most `limit`
 * of them (the counts say how many there are in all; the rest are one inventory filter away).
 */
export async function overviewRows(db: Kysely<Database>, organisationIds: readonly string[], limit: number): Promise<OverviewRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('assets')
    .innerJoin('organisations', 'organisations.id', 'assets.organisation_id')
    .select([
      'assets.id',
      'assets.name',
      'organisations.name as organisation_name',
      ...dataProtectionColumns(db),
      newestRound('dpia-screening', sql`n.status`).as('screening_status'),
      newestRound('dpia', sql`n.status`).as('dpia_status'),
      newestRound('dpia', jsonText(db, 'n.result', ['decision', 'decision'])).as('dpia_decision'),
      sql<string | null>`(select max(n.updated_at) from assessments n where n.asset_id = assets.id and n.kind in ('dpia-screening', 'dpia'))`.as('updated_at'),
    ])
    .where('assets.organisation_id', 'in', organisationIds)
    .where('assets.archived_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('assessments').select('assessments.id').whereRef('assessments.asset_id', '=', 'assets.id').where('assessments.kind', 'in', ['dpia-screening', 'dpia'])))
    .orderBy(bytewise(db, 'assets.sort_key'))
    .orderBy('assets.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    assetId: row.id,
    assetName: row.name,
    organisationName: row.organisation_name,
    ...toDataProtection(row),
    screeningStatus: row.screening_status as AssessmentStatus | null,
    dpiaStatus: row.dpia_status as AssessmentStatus | null,
    dpiaDecision: row.dpia_decision as DpiaDecision | null,
    updatedAt: row.updated_at,
  }));
}
