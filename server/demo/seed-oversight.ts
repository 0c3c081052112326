import { withTransaction } from '../db/transaction';
import type { AppDeps } from '../app-context';
import { submitForReview } from '../assessments/change-status';
import { decide, sealAfterDecision } from '../assessments/sign-off';
import { type Assessment, findAssessment } from '../assessments/assessment-store';
import { refreshClassificationStatus } from '../assets/refresh-classification-status';
import { nowIso } from '../ids';
import { planItemState, recordPlanEvent } from '../plans/plan-history';
import { refreshPlanTallies } from '../plans/plan-tally-store';

/** Months ago, as an ISO time: a decision made then is due for review now. */
function monthsAgo(months: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString();
}
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface OversightSeed {
  /** Starts a classification on a demo asset with the named answer set (the object's name replaced). */
  classify(assetKey: string, answerSet: string): Promise<Assessment>;
  /** Sends each round for review: someone other than the decider (separation of duties). */
  submitterUserId: string;
  decider: { userId: string; role: 'beslutsfattare' };
  ekonomiAssetId: string;
  isamEmail: string;
  objektledareName: string;
}

/**
 * What makes the demo's Översikt and Att göra worth looking at (issue 9): a few more fastställda
 * classifications, one decided 13 months ago and so overdue for review, and open plan items on the
 * ekonomisystem with ansvarig, priority and dates (one overdue, one risk acceptance ending soon).
 */
export async function seedOversightDemo(deps: AppDeps, seed: OversightSeed): Promise<void> {
  const { db } = deps.database;
  const decided: Assessment[] = [];
  for (const [assetKey, answerSet] of [['diarium', 'ekonomisystem'], ['larm', 'lokalbokning'], ['franvaro', 'lokalbokning']] as const) {
    const submitted = await submitForReview(deps, await seed.classify(assetKey, answerSet), seed.submitterUserId);
    decided.push(await decide(deps, submitted, { statement: 'Klassningen fastställs.' }, seed.decider));
  }
  // Trygghetslarm was decided 13 months ago: its yearly review is overdue.
  const larm = decided[1]!;
  await withTransaction(db, async (trx) => {
    await trx.updateTable('assessments').set({ decided_at: monthsAgo(13) }).where('id', '=', larm.id).execute();
    await refreshClassificationStatus(trx, larm.assetId);
  });
  // Sealed once the dates are as the demo shows them, so each protocol prints its decision's time.
  for (const assessment of decided) await sealAfterDecision(deps, (await findAssessment(db, assessment.id))!, seed.decider.userId);

  const open = await db
    .selectFrom('plan_items')
    .select(['id', 'revision'])
    .where('asset_id', '=', seed.ekonomiAssetId)
    .where('applicable', '=', 1)
    .orderBy('source_key')
    .limit(4)
    .execute();
  const plans = [
    { status: 'ej_uppfyllt', ansvarig: seed.isamEmail, priority: 'hog', planned_date: isoDay(-20) },
    { status: 'delvis_uppfyllt', ansvarig: seed.objektledareName, priority: 'medel', planned_date: isoDay(60) },
    { status: 'ej_bedomd', ansvarig: seed.isamEmail, priority: 'lag', planned_date: isoDay(120) },
    { status: 'risk_accepterad', ansvarig: seed.objektledareName, priority: null, planned_date: null, status_motivation: 'Ersätts vid nästa upphandling.', risk_decided_by: 'Kommundirektören', risk_decided_on: isoDay(-300), risk_valid_until: isoDay(45) },
  ] as const;
  for (const [index, item] of open.entries()) {
    // Through the history too, so the demo's Ledningens genomgång counts these states for this year.
    await withTransaction(db, async (trx) => {
      const row = await trx.selectFrom('plan_items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
      await trx.updateTable('plan_items').set({ ...plans[index]!, revision: item.revision + 1, updated_at: nowIso() }).where('id', '=', item.id).execute();
      await recordPlanEvent(trx, { id: item.id, assetId: row.asset_id }, 'edited', planItemState(row), planItemState({ ...row, ...plans[index]! }), null);
      await refreshPlanTallies(trx, row.asset_id);
    });
  }
}
