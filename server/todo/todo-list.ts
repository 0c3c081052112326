import { type Kysely, sql } from 'kysely';
import { reviewDueCutoff } from '../assets/asset-store';
import { preparedBy } from '../assessments/preparers-store';
import { separationRequired } from '../assessments/separation-of-duties';
import { organisationsAllowing, type Principal } from '../auth/principal';
import type { AssessmentKind, Database, PlanItemStatus, Priority } from '../db/schema';
import type { OrganisationTree } from '../organisations/organisation-tree';
import { closedPlanStatuses } from '../reports/figure-types';
import { activeStepExists } from '../approvals/approval-store';
import { levelFourFlag, needsSpecialAnalysis } from '../assessments/special-analysis';
import { assessmentsWithSpecialAnalysis } from '../assessments/special-analysis-store';
import { jsonIsTrue } from '../db/dialect';

export interface TodoList {
  reviews: { assessmentId: string; assetId: string; assetName: string; organisationName: string; kind: AssessmentKind; nextReviewAt: string; overdue: boolean }[];
  planItems: { id: string; assetId: string; assetName: string; title: string; status: PlanItemStatus; priority: Priority | null; plannedDate: string | null; overdue: boolean }[];
  approvals: { assessmentId: string; assetId: string; assetName: string; kind: AssessmentKind; step: 'ready' | 'dso_advice' | 'decision' | 'exemption_decision' | 'special_analysis'; since: string }[];
}

const none = ['-'];

/** Screenings under review whose claimed exemption waits for the DSO (the result says so; read in TypeScript, not SQL). */
async function exemptionsToDecide(db: Kysely<Database>, advisers: string[]): Promise<TodoList['approvals']> {
  const rows = await db
    .selectFrom('assessments')
    .innerJoin('assets', 'assets.id', 'assessments.asset_id')
    .select(['assessments.id as assessmentId', 'assets.id as assetId', 'assets.name as assetName', 'assessments.result', 'assessments.updated_at'])
    .where('assessments.status', '=', 'for_granskning')
    .where('assessments.kind', '=', 'dpia-screening')
    .where('assets.archived_at', 'is', null)
    .where('assets.organisation_id', 'in', advisers)
    .orderBy('assessments.updated_at')
    .limit(500)
    .execute();
  return rows
    .filter((row) => row.result !== null && (JSON.parse(row.result) as { dsoDecisionNeeded?: unknown }).dsoDecisionNeeded === true)
    .map((row) => ({ assessmentId: row.assessmentId, assetId: row.assetId, assetName: row.assetName, kind: 'dpia-screening' as const, step: 'exemption_decision' as const, since: row.updated_at }));
}

/** Level-4 classifications not yet fastställda whose analysis reference the säkerhetsskyddschef has not recorded (the flag read in TypeScript). */
async function analysesToRecord(db: Kysely<Database>, chiefs: string[]): Promise<TodoList['approvals']> {
  const rows = await db
    .selectFrom('assessments')
    .innerJoin('assets', 'assets.id', 'assessments.asset_id')
    .select(['assessments.id as assessmentId', 'assets.id as assetId', 'assets.name as assetName', 'assessments.result', 'assessments.updated_at'])
    .where('assessments.status', 'in', ['utkast', 'for_granskning'])
    .where('assessments.kind', '=', 'classification')
    .where('assets.archived_at', 'is', null)
    .where('assets.organisation_id', 'in', chiefs)
    .orderBy('assessments.updated_at')
    .limit(500)
    .execute();
  const marked = rows.filter((row) => row.result !== null && needsSpecialAnalysis({ kind: 'classification', result: JSON.parse(row.result) as Record<string, unknown> }));
  const recorded = await assessmentsWithSpecialAnalysis(db, marked.map((row) => row.assessmentId));
  return marked
    .filter((row) => !recorded.has(row.assessmentId))
    .map((row) => ({ assessmentId: row.assessmentId, assetId: row.assetId, assetName: row.assetName, kind: 'classification' as const, step: 'special_analysis' as const, since: row.updated_at }));
}

/**
 * What is due for one person: reviews of the assets they are objektledare for (and, for those who
 * approve or run the review cycle, every review in their organisations), open plan items whose
 * ansvarig is their name or e-mail, and sign-off steps waiting for a role they hold.
 */
export async function todoFor(db: Kysely<Database>, tree: OrganisationTree, principal: Principal, now = new Date()): Promise<TodoList> {
  const orgs = (permission: Parameters<typeof organisationsAllowing>[1]) => {
    const ids = organisationsAllowing(principal, permission, tree);
    return ids.length > 0 ? ids : none;
  };
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  const reviewers = [...new Set([...orgs('review.confirm'), ...orgs('review.settings')])];
  const reviews = await db
    .selectFrom('assessments')
    .innerJoin('assets', 'assets.id', 'assessments.asset_id')
    .innerJoin('organisations', 'organisations.id', 'assets.organisation_id')
    .select(['assessments.id as assessmentId', 'assets.id as assetId', 'assets.name as assetName', 'organisations.name as organisationName', 'assessments.kind', 'assessments.next_review_at'])
    .where('assessments.next_review_at', '<=', reviewDueCutoff(now))
    .where('assets.archived_at', 'is', null)
    // Being named objektledare grants nothing by itself: the review shows only where the person may read it.
    .where((eb) =>
      eb.or([
        eb.and([eb('assets.objektledare_user_id', '=', principal.userId), eb('assets.organisation_id', 'in', orgs('assessment.read'))]),
        eb('assets.organisation_id', 'in', reviewers),
      ]),
    )
    .orderBy('assessments.next_review_at')
    .limit(500)
    .execute();

  const planItems = await db
    .selectFrom('plan_items')
    .innerJoin('assets', 'assets.id', 'plan_items.asset_id')
    .select(['plan_items.id', 'assets.id as assetId', 'assets.name as assetName', 'plan_items.title', 'plan_items.status', 'plan_items.priority', 'plan_items.planned_date'])
    .where(sql<boolean>`lower(plan_items.ansvarig) in (${principal.name.toLowerCase()}, ${principal.email.toLowerCase()})`)
    .where('plan_items.applicable', '=', 1)
    .where('plan_items.status', 'not in', closedPlanStatuses)
    .where('assets.archived_at', 'is', null)
    .where('assets.organisation_id', 'in', orgs('plan.read'))
    .orderBy(sql`coalesce(plan_items.planned_date, '9999')`)
    .limit(500)
    .execute();

  const waiting = await db
    .selectFrom('assessments')
    .innerJoin('assets', 'assets.id', 'assessments.asset_id')
    .select((eb) => [
      'assessments.id as assessmentId',
      'assets.id as assetId',
      'assets.name as assetName',
      'assets.organisation_id',
      'assets.objektledare_user_id',
      'assessments.kind',
      'assessments.updated_at',
      activeStepExists(eb, 'dso_advice').as('advised'),
      activeStepExists(eb, 'ready').as('ready'),
      jsonIsTrue(db, 'assessments.result', levelFourFlag).as('levelFour'),
    ])
    .where('assessments.status', '=', 'for_granskning')
    .where('assessments.kind', 'in', ['classification', 'dpia'])
    .where('assets.organisation_id', 'in', [...new Set([...orgs('assessment.decide'), ...orgs('assessment.advise'), ...orgs('assessment.mark_ready')])])
    .orderBy('assessments.updated_at')
    .limit(500)
    .execute();
  const deciders = new Set(orgs('assessment.decide'));
  // A round the person prepared is not theirs to decide while separation of duties holds.
  const prepared = await preparedBy(db, principal.userId, waiting.map((row) => row.assessmentId));
  const mayDecide = (row: (typeof waiting)[number]) =>
    deciders.has(row.organisation_id) && !(prepared.has(row.assessmentId) && separationRequired(tree, row.organisation_id));
  // A level-4 classification is not the decider's yet while its analysis reference is missing (the decision would answer 409).
  const analysed = await assessmentsWithSpecialAnalysis(db, waiting.filter((row) => Boolean(row.levelFour)).map((row) => row.assessmentId));
  const decidable = (row: (typeof waiting)[number]) => !row.levelFour || analysed.has(row.assessmentId);
  const advisers = new Set(orgs('assessment.advise'));
  const markers = new Set(orgs('assessment.mark_ready'));
  const approvals: TodoList['approvals'] = [];
  for (const row of waiting) {
    const base = { assessmentId: row.assessmentId, assetId: row.assetId, assetName: row.assetName, kind: row.kind, since: row.updated_at };
    if (row.kind === 'dpia' && !row.advised && advisers.has(row.organisation_id)) approvals.push({ ...base, step: 'dso_advice' });
    if ((row.kind === 'classification' || row.advised) && mayDecide(row) && decidable(row)) approvals.push({ ...base, step: 'decision' });
    if (row.kind === 'classification' && !row.ready && markers.has(row.organisation_id) && row.objektledare_user_id === principal.userId) approvals.push({ ...base, step: 'ready' });
  }
  approvals.push(...(await exemptionsToDecide(db, orgs('assessment.advise'))));
  approvals.push(...(await analysesToRecord(db, orgs('assessment.special_analysis'))));
  return {
    reviews: reviews.map((row) => ({ assessmentId: row.assessmentId, assetId: row.assetId, assetName: row.assetName, organisationName: row.organisationName, kind: row.kind, nextReviewAt: row.next_review_at!, overdue: row.next_review_at! < nowIso })),
    planItems: planItems.map((row) => ({ id: row.id, assetId: row.assetId, assetName: row.assetName, title: row.title, status: row.status, priority: row.priority, plannedDate: row.planned_date, overdue: row.planned_date !== null && row.planned_date < today })),
    approvals,
  };
}
