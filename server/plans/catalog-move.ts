import type { Selectable } from 'kysely';
import { buildActionPlan } from '../../scoring/classification/action-plan';
import type { Classification } from '../../scoring/classification/classification-types';
import { needsReassessment } from '../../scoring/classification/catalog-versions';
import type { RequirementCatalog } from '../../scoring/content/requirement-catalog';
import type { AppDeps } from '../app-context';
import { afterScored } from '../assessments/persist-scored';
import { planEntries, scoreClassification } from '../assessments/score-classification';
import { type Assessment, latestRound } from '../assessments/assessment-store';
import { appendAuditEvent } from '../audit/audit-log';
import type { PlanItemsTable, PlanItemStatus } from '../db/schema';
import { withTransaction, type WriteTransaction } from '../db/transaction';
import { AppError } from '../errors';
import type { LoadedForm } from '../forms/load-forms';
import { contentAs } from '../forms/typed-content';
import { newId, nowIso } from '../ids';
import { applyCentralFulfilment } from '../templates/central-fulfilment';
import { carryRequirementDefaults } from './carry-defaults';
import { assessedAgainst, syncPlanItems } from './sync-plan';

const questionnaireId = 'informationsklassning';

/** What a move does to one requirement of an asset's plan. */
export interface MoveChange {
  requirementId: string;
  title: string;
  change: 'carried' | 'text_changed' | 'new' | 'no_longer_applicable' | 'replaced';
  /** The requirement ids of the version before whose status it takes over. */
  from: string[];
  /** For a replaced requirement: what replaces it. */
  replacedBy: string[];
  /** The same, as the requirements' titles: what a person reads. */
  fromTitles: string[];
  replacedByTitles: string[];
  status: PlanItemStatus;
  reassess: boolean;
}

export interface AssetMove {
  assetId: string;
  assetName: string;
  fromVersion: number | null;
  outcome: 'moves' | 'already' | 'blocked' | 'no_plan';
  reason: string | null;
  counts: { carried: number; reassess: number; added: number; noLongerApplicable: number; unchanged: number };
  changes: MoveChange[];
}

export interface CatalogMove {
  catalog: { id: string; version: number; title: string };
  applied: boolean;
  assets: AssetMove[];
}

/** The catalog the newest classification questionnaire is scored with: the one an organisation can move to. */
export function catalogVersions(deps: AppDeps): { id: string; versions: { version: number; title: string; publishedAt: string }[] } {
  const id = deps.forms.latest(questionnaireId)?.meta.uses?.find((ref) => ref.kind === 'requirement-catalog')?.id ?? 'kravkatalog';
  const versions = deps.forms
    .list()
    .filter((meta) => meta.id === id && meta.kind === 'requirement-catalog')
    .map((meta) => ({ version: meta.version, title: meta.title, publishedAt: meta.publishedAt }))
    .toSorted((a, b) => a.version - b.version);
  return { id, versions };
}

const catalogOf = (form: LoadedForm | undefined) => form?.meta.uses?.find((ref) => ref.kind === 'requirement-catalog');

/** The newest questionnaire version scored with the target catalog: where an open round is moved. */
function questionnaireFor(deps: AppDeps, catalogId: string, version: number): LoadedForm | undefined {
  return deps.forms
    .list()
    .filter((meta) => meta.id === questionnaireId)
    .map((meta) => deps.forms.get(meta.id, meta.version)!)
    .filter((form) => catalogOf(form)?.id === catalogId && catalogOf(form)?.version === version)
    .toSorted((a, b) => b.meta.version - a.meta.version)[0];
}

/** An open round may change questionnaire only to one that asks exactly the same: its answers and levels stay as they are. */
const otherContent = (form: LoadedForm) => JSON.stringify((form.meta.uses ?? []).filter((ref) => ref.kind !== 'requirement-catalog'));

function sameQuestions(a: LoadedForm, b: LoadedForm): boolean {
  return JSON.stringify(a.content.survey) === JSON.stringify(b.content.survey) && otherContent(a) === otherContent(b);
}

type Item = Selectable<PlanItemsTable>;

function describeChanges(before: readonly Item[], after: readonly Item[]): Pick<AssetMove, 'counts' | 'changes'> {
  const was = new Map(before.map((item) => [item.id, item]));
  const counts = { carried: 0, reassess: 0, added: 0, noLongerApplicable: 0, unchanged: 0 };
  const changes: Omit<MoveChange, 'fromTitles' | 'replacedByTitles'>[] = [];
  for (const item of after) {
    const old = was.get(item.id);
    const reassess = item.requirement_version !== null && needsReassessment(item.status, assessedAgainst(item), { id: item.source_key, version: item.requirement_version });
    const base = { requirementId: item.source_key, title: item.title, status: item.status, reassess, replacedBy: [] as string[] };
    if (old && old.applicable === 1 && item.applicable === 0) {
      const replacedBy = item.replaced_by ? (JSON.parse(item.replaced_by) as string[]) : [];
      changes.push({ ...base, change: replacedBy.length > 0 ? 'replaced' : 'no_longer_applicable', from: [], replacedBy, reassess: false });
      counts.noLongerApplicable += 1;
      continue;
    }
    if (item.applicable !== 1) continue;
    if (reassess) counts.reassess += 1;
    // Requirements of the older version whose status this item now carries.
    const from = [...new Set(assessedAgainst(item).map((ref) => ref.id))].filter((other) => other !== item.source_key);
    if (!old || old.applicable === 0) {
      changes.push({ ...base, change: from.length > 0 ? 'carried' : 'new', from });
      if (from.length > 0) counts.carried += 1;
      else counts.added += 1;
    } else if (old.requirement_version !== item.requirement_version || from.length > 0) {
      changes.push({ ...base, change: 'text_changed', from });
      counts.carried += 1;
    } else counts.unchanged += 1;
  }
  // A predecessor is named as the person knew it: its title before the move.
  const titles = new Map([...after, ...before].map((item) => [item.source_key, item.title]));
  const named = (ids: string[]) => ids.map((id) => titles.get(id) ?? id);
  const described = changes.map((entry) => ({ ...entry, fromTitles: named(entry.from), replacedByTitles: named(entry.replacedBy) }));
  return { counts, changes: described.toSorted((a, b) => a.title.localeCompare(b.title, 'sv')) };
}

interface MoveTarget {
  catalog: RequirementCatalog;
  questionnaire: LoadedForm;
}

async function moveAsset(deps: AppDeps, trx: WriteTransaction, asset: { id: string; name: string; organisationId: string }, target: MoveTarget, actorUserId: string): Promise<AssetMove> {
  const none = { counts: { carried: 0, reassess: 0, added: 0, noLongerApplicable: 0, unchanged: 0 }, changes: [] };
  const latest = await latestRound(trx, asset.id, 'classification');
  if (!latest) return { assetId: asset.id, assetName: asset.name, fromVersion: null, outcome: 'no_plan', reason: null, ...none };
  const form = deps.forms.get(latest.form.id, latest.form.version);
  const lastMove = await trx.selectFrom('plan_catalog_moves').select('to_version').where('asset_id', '=', asset.id).orderBy('moved_at', 'desc').limit(1).executeTakeFirst();
  const fromVersion = Math.max(catalogOf(form)?.version ?? 0, lastMove?.to_version ?? 0);
  const result = (outcome: AssetMove['outcome'], reason: string | null) => ({ assetId: asset.id, assetName: asset.name, fromVersion, outcome, reason, ...none });
  if (fromVersion >= target.catalog.meta.version) return result('already', null);
  if (latest.status === 'for_granskning') return result('blocked', 'Klassningen väntar på beslut. Flytta när den är fastställd eller återlämnad.');
  if (latest.status === 'utkast' && (!form || !sameQuestions(form, target.questionnaire))) {
    return result('blocked', 'Klassningen pågår på en äldre version av frågeformuläret. Flytta när den är fastställd.');
  }
  const before = await trx.selectFrom('plan_items').selectAll().where('asset_id', '=', asset.id).where('source', '=', 'classification').execute();
  if (latest.status === 'utkast') await repinOpenRound(deps, trx, latest, target.questionnaire, actorUserId);
  else {
    const classification = (latest.result as { classification: Classification }).classification;
    const entries = planEntries(target.catalog, buildActionPlan(target.catalog, classification));
    await syncPlanItems(trx, asset.id, 'classification', latest.id, entries, actorUserId);
    await applyCentralFulfilment(trx, asset.id);
  }
  const after = await trx.selectFrom('plan_items').selectAll().where('asset_id', '=', asset.id).where('source', '=', 'classification').execute();
  return { ...result('moves', null), ...describeChanges(before, after) };
}

/** An open round goes on with the questionnaire scored against the new catalog: same questions, so the same answers and levels. */
async function repinOpenRound(deps: AppDeps, trx: WriteTransaction, latest: Assessment, questionnaire: LoadedForm, actorUserId: string): Promise<void> {
  const outcome = scoreClassification(deps.forms, questionnaire, latest.answers);
  if (!outcome.ok) throw new Error(`Answers of ${latest.id} fail ${questionnaire.meta.id} v${questionnaire.meta.version}`);
  const { scored } = outcome;
  const row = await trx.selectFrom('assessments').select(['plan_hash']).where('id', '=', latest.id).executeTakeFirstOrThrow();
  await trx
    .updateTable('assessments')
    .set({ form_version: questionnaire.meta.version, result: JSON.stringify(scored.result), summary: scored.summary, missing: JSON.stringify(scored.missing), updated_at: nowIso() })
    .where('id', '=', latest.id)
    .execute();
  await afterScored(trx, latest, scored, actorUserId, { summary: latest.summary, planHash: row.plan_hash });
}

class DryRun extends Error {
  constructor(readonly move: CatalogMove) {
    super('dry run');
  }
}

/**
 * Moves the classification plans of the given assets to a newer requirement catalog: each item
 * follows its requirement's successors (see syncPlanItems), the organisations' "hur" library
 * follows too, and every move is recorded and audited. With `apply: false` the same work runs in a
 * transaction that is then rolled back, so the preview shows exactly what applying would do.
 */
export async function moveToCatalog(
  deps: AppDeps,
  scope: { organisationIds: readonly string[]; assetId?: string },
  version: number,
  actor: { userId: string; organisationId: string },
  apply: boolean,
): Promise<CatalogMove> {
  const { id } = catalogVersions(deps);
  const catalogForm = deps.forms.get(id, version);
  const questionnaire = questionnaireFor(deps, id, version);
  if (!catalogForm || !questionnaire) throw new AppError('validation_failed', `No published ${id} version ${version} with a questionnaire`, [{ field: 'body.version', message: `no ${id} v${version}` }]);
  const target = { catalog: contentAs(catalogForm, 'requirement-catalog'), questionnaire };
  const run = async (trx: WriteTransaction): Promise<CatalogMove> => {
    let query = trx.selectFrom('assets').select(['id', 'name', 'organisation_id']).where('organisation_id', 'in', scope.organisationIds.length > 0 ? scope.organisationIds : ['-']).where('archived_at', 'is', null);
    if (scope.assetId) query = query.where('id', '=', scope.assetId);
    const assets = (await query.orderBy('name').execute()).toSorted((a, b) => a.name.localeCompare(b.name, 'sv'));
    const moves: AssetMove[] = [];
    for (const asset of assets) moves.push(await moveAsset(deps, trx, { id: asset.id, name: asset.name, organisationId: asset.organisation_id }, target, actor.userId));
    await carryRequirementDefaults(trx, scope.organisationIds, target.catalog);
    const move: CatalogMove = { catalog: { id, version, title: target.catalog.meta.title }, applied: apply, assets: moves };
    if (!apply) throw new DryRun(move);
    await recordMoves(trx, move, id, actor);
    return move;
  };
  try {
    return await withTransaction(deps.database.db, run);
  } catch (error) {
    if (error instanceof DryRun) return error.move;
    throw error;
  }
}

async function recordMoves(trx: WriteTransaction, move: CatalogMove, catalogId: string, actor: { userId: string; organisationId: string }): Promise<void> {
  const now = nowIso();
  for (const asset of move.assets.filter((entry) => entry.outcome === 'moves')) {
    await trx
      .insertInto('plan_catalog_moves')
      .values({ id: newId(), asset_id: asset.assetId, catalog_id: catalogId, from_version: asset.fromVersion ?? 0, to_version: move.catalog.version, counts: JSON.stringify(asset.counts), moved_by: actor.userId, moved_at: now })
      .execute();
    await appendAuditEvent(trx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      assetId: asset.assetId,
      action: 'plan.catalog_moved',
      entityType: 'asset',
      entityId: asset.assetId,
      payload: { catalog: catalogId, from: asset.fromVersion, to: move.catalog.version, counts: asset.counts },
    });
  }
}

/** The organisation of an asset, for checking that a one-asset move stays within its scope. */
export async function organisationOfAsset(deps: AppDeps, assetId: string): Promise<string | undefined> {
  return (await deps.database.db.selectFrom('assets').select('organisation_id').where('id', '=', assetId).executeTakeFirst())?.organisation_id;
}
