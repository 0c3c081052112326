import type { Insertable, Kysely } from 'kysely';
import type { AssessmentsTable, AssetsTable, Database, PlanItemsTable, PlanItemStatus, Priority } from '../../server/db/schema';
import { newId } from '../../server/ids';
import { addMonths } from '../../server/reviews/review-interval';
import { assetKeys } from '../../server/text/row-keys';
import { rebuildRoundSummaries } from '../../server/assets/round-summary-store';
import { rebuildPlanTallies } from '../../server/plans/plan-tally-store';

/**
 * A generated installation for the oversight tests and benchmark: assets in every state, four
 * assessments per asset and `planItemsPerAsset` plan items each, written with multi-row inserts in
 * one transaction (the plan tallies counted afresh after). It returns what it wrote (unless `keep` is false), so a test can count the expected figures itself.
 */

export interface GeneratedAsset {
  id: string;
  organisationId: string;
  name: string;
  createdAt: string;
  archived: boolean;
  status: 'ej_klassad' | 'pagar' | 'faststalld';
  firstDecidedAt: string | null;
  profile: { K: number; R: number; T: number; S: number } | null;
  nextReviewAt: string | null;
  screeningOutcome: string;
  dpia: { status: 'faststalld' | 'utkast'; priorConsultation: boolean; nextReviewAt: string | null } | null;
  plan: { status: PlanItemStatus; priority: Priority | null; plannedDate: string | null; riskValidUntil: string | null }[];
}

const outcomes = ['inte-tillamplig', 'kravs-inte', 'rekommenderas', 'kravs-preliminart', 'kravs'] as const;
const statuses: PlanItemStatus[] = ['ej_bedomd', 'uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_tillampligt', 'risk_accepterad'];
const priorities: (Priority | null)[] = ['hog', 'medel', 'lag', null];

/** A small deterministic generator (mulberry32), so a failing figure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let index = 0; index < rows.length; index += size) yield rows.slice(index, index + size);
}

export async function generateInstallation(db: Kysely<Database>, options: { organisationIds: string[]; userId: string; assets: number; planItemsPerAsset: number; now?: Date; seed?: number; keep?: boolean }): Promise<GeneratedAsset[]> {
  const next = random(options.seed ?? 42);
  const now = options.now ?? new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const dateIn = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const level = () => Math.floor(next() * 4);
  const generated: GeneratedAsset[] = [];
  const assets: Insertable<AssetsTable>[] = [];
  const assessments: Insertable<AssessmentsTable>[] = [];
  const plan: Insertable<PlanItemsTable>[] = [];
  // Written in batches inside the one transaction, so millions of plan items (the region bench) never sit in memory at once.
  const flush = async (trx: Kysely<Database>) => {
    for (const chunk of chunks(assets.splice(0), 500)) await trx.insertInto('assets').values(chunk).execute();
    for (const chunk of chunks(assessments.splice(0), 500)) await trx.insertInto('assessments').values(chunk).execute();
    for (const chunk of chunks(plan.splice(0), 1000)) await trx.insertInto('plan_items').values(chunk).execute();
  };
  return db.transaction().execute(async (trx) => {
    for (let index = 0; index < options.assets; index += 1) {
      const id = newId();
      const createdAt = daysAgo(60 + Math.floor(next() * 600));
      const roll = next();
      const status = roll < 0.4 ? 'faststalld' : roll < 0.6 ? 'pagar' : 'ej_klassad';
      const assessment = (kind: AssessmentsTable['kind'], round: number, state: AssessmentsTable['status'], extra: Partial<Insertable<AssessmentsTable>> = {}) => {
        const assessmentId = newId();
        assessments.push({ id: assessmentId, asset_id: id, kind, form_id: kind, form_version: 1, round, previous_id: null, status: state, revision: 1, answers: '{}', result: null, summary: null, profile: null, decided_at: null, next_review_at: null, created_by: options.userId, created_at: createdAt, updated_at: createdAt, ...extra });
        return assessmentId;
      };
      let firstDecidedAt: string | null = null;
      let profile: GeneratedAsset['profile'] = null;
      let nextReviewAt: string | null = null;
      let dpia: GeneratedAsset['dpia'] = null;
      const screeningOutcome = pick(outcomes);
      const screening = (round: number) => assessment('dpia-screening', round, 'faststalld', { result: JSON.stringify({ outcome: screeningOutcome }), decided_at: createdAt });
      let planSource: string;
      if (status === 'faststalld') {
        firstDecidedAt = daysAgo(1 + Math.floor(next() * 540));
        const secondDecided = next() < 0.5;
        const decidedAt = secondDecided ? new Date((new Date(firstDecidedAt).getTime() + now.getTime()) / 2).toISOString() : firstDecidedAt;
        profile = { K: level(), R: level(), T: level(), S: level() };
        nextReviewAt = addMonths(decidedAt, 12);
        planSource = assessment('classification', 1, 'faststalld', { decided_at: firstDecidedAt, profile: JSON.stringify(profile), next_review_at: secondDecided ? null : nextReviewAt });
        assessment('classification', 2, secondDecided ? 'faststalld' : 'utkast', secondDecided ? { decided_at: decidedAt, profile: JSON.stringify(profile), next_review_at: nextReviewAt } : {});
        screening(1);
        const decidedDpia = next() < 0.6;
        const prior = next() < 0.2;
        const months = next() < 0.5 ? 12 : 36;
        const dpiaDecided = daysAgo(Math.floor(next() * 900));
        dpia = { status: decidedDpia ? 'faststalld' : 'utkast', priorConsultation: prior, nextReviewAt: decidedDpia ? addMonths(dpiaDecided, months) : null };
        assessment('dpia', 1, dpia.status, { result: JSON.stringify({ priorConsultation: { required: prior }, review: { months } }), decided_at: decidedDpia ? dpiaDecided : null, next_review_at: dpia.nextReviewAt });
      } else if (status === 'pagar') {
        planSource = assessment('classification', 1, 'utkast', { profile: JSON.stringify({ K: 1, R: 1, T: 1, S: 1 }) });
        screening(1);
        screening(2);
        dpia = { status: 'utkast', priorConsultation: false, nextReviewAt: null };
        assessment('dpia', 1, 'utkast', { result: JSON.stringify({ priorConsultation: { required: false }, review: { months: 12 } }) });
      } else {
        planSource = screening(1);
        for (const round of [2, 3, 4]) screening(round);
      }
      const archived = next() < 0.03;
      const items: GeneratedAsset['plan'] = [];
      for (let item = 0; item < options.planItemsPerAsset; item += 1) {
        const itemStatus = pick(statuses);
        const entry = { status: itemStatus, priority: pick(priorities), plannedDate: next() < 0.7 ? dateIn(Math.floor(next() * 400) - 200) : null, riskValidUntil: itemStatus === 'risk_accepterad' ? dateIn(Math.floor(next() * 400) - 100) : null };
        items.push(entry);
        plan.push({ id: newId(), asset_id: id, source: 'classification', source_key: `krav-${item}`, assessment_id: planSource, title: `Krav ${item}`, detail: '{}', status: entry.status, priority: entry.priority, planned_date: entry.plannedDate, risk_valid_until: entry.riskValidUntil, created_at: createdAt, updated_at: createdAt });
      }
      const organisationId = options.organisationIds[index % options.organisationIds.length]!;
      const name = `Informationstillgång ${String(index + 1).padStart(5, '0')}`;
      assets.push({ id, organisation_id: organisationId, name, type: 'system', classification_status: status, profile: profile ? JSON.stringify(profile) : null, next_review_at: nextReviewAt, archived_at: archived ? daysAgo(10) : null, created_at: createdAt, updated_at: createdAt, ...assetKeys({ name, description: '', tags: [], suppliers: [], externalId: null }) });
      if (options.keep !== false) generated.push({ id, organisationId, name, createdAt, archived, status, firstDecidedAt, profile, nextReviewAt, screeningOutcome, dpia, plan: items });
      if (plan.length >= 20_000) await flush(trx);
    }
    await flush(trx);
    // Written past the stores, so the plan tallies and round summaries are counted afresh, as migrations 021 and 025 do.
    await rebuildPlanTallies(trx);
    await rebuildRoundSummaries(trx);
    return generated;
  });
}
