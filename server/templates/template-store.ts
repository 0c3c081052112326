import type { Kysely, Selectable, Transaction } from 'kysely';
import type { LevelSnapshot, LoweringPolicy } from '../../scoring/classification/template-floor';
import type { Database, TemplateAdoptionsTable, TemplateVersionsTable } from '../db/schema';
import { bytewise } from '../db/dialect';
import { searchKeyContains } from '../text/folded-search';

type Db = Kysely<Database> | Transaction<Database>;

export interface FulfilledRequirement {
  requirementId: string;
  title: string;
  hur: string;
}

export interface TemplateVersion {
  id: string;
  templateId: string;
  version: number;
  name: string;
  description: string;
  sourceAssessmentId: string;
  form: { id: string; version: number };
  answers: Record<string, unknown>;
  levels: LevelSnapshot;
  profileText: string;
  loweringPolicy: LoweringPolicy;
  loweringApprover: 'central' | 'local' | null;
  fulfilled: FulfilledRequirement[];
  publishedBy: string;
  publishedAt: string;
}

export interface Template {
  id: string;
  organisationId: string;
  sourceAssetId: string;
  createdAt: string;
}

export interface Adoption {
  id: string;
  templateId: string;
  templateVersionId: string;
  assetId: string;
  pendingVersionId: string | null;
  motivations: Record<string, string>;
  adoptedBy: string;
  adoptedAt: string;
  reviewedAt: string | null;
}

export function toTemplateVersion(row: Selectable<TemplateVersionsTable>): TemplateVersion {
  return {
    id: row.id,
    templateId: row.template_id,
    version: row.version,
    name: row.name,
    description: row.description,
    sourceAssessmentId: row.source_assessment_id,
    form: { id: row.form_id, version: row.form_version },
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    levels: JSON.parse(row.levels) as LevelSnapshot,
    profileText: row.profile_text,
    loweringPolicy: row.lowering_policy,
    loweringApprover: row.lowering_approver,
    fulfilled: JSON.parse(row.fulfilled) as FulfilledRequirement[],
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}

function toAdoption(row: Selectable<TemplateAdoptionsTable>): Adoption {
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersionId: row.template_version_id,
    assetId: row.asset_id,
    pendingVersionId: row.pending_version_id,
    motivations: JSON.parse(row.motivations) as Record<string, string>,
    adoptedBy: row.adopted_by,
    adoptedAt: row.adopted_at,
    reviewedAt: row.reviewed_at,
  };
}

export async function findTemplate(db: Db, id: string): Promise<Template | undefined> {
  const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, organisationId: row.organisation_id, sourceAssetId: row.source_asset_id, createdAt: row.created_at } : undefined;
}

/** Every version of a template, newest first: its history. */
export async function versionsOf(db: Db, templateId: string): Promise<TemplateVersion[]> {
  const rows = await db.selectFrom('template_versions').selectAll().where('template_id', '=', templateId).orderBy('version', 'desc').execute();
  return rows.map(toTemplateVersion);
}

export async function findVersion(db: Db, id: string): Promise<TemplateVersion | undefined> {
  const row = await db.selectFrom('template_versions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTemplateVersion(row) : undefined;
}

export async function latestVersion(db: Db, templateId: string): Promise<TemplateVersion | undefined> {
  const row = await db.selectFrom('template_versions').selectAll().where('template_id', '=', templateId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? toTemplateVersion(row) : undefined;
}

export async function adoptionOfAsset(db: Db, assetId: string): Promise<Adoption | undefined> {
  const row = await db.selectFrom('template_adoptions').selectAll().where('asset_id', '=', assetId).executeTakeFirst();
  return row ? toAdoption(row) : undefined;
}

export async function adoptionsOfTemplate(db: Db, templateId: string): Promise<Adoption[]> {
  const rows = await db.selectFrom('template_adoptions').selectAll().where('template_id', '=', templateId).orderBy('adopted_at').execute();
  return rows.map(toAdoption);
}

/** A template of the library: its newest version and how many assets adopted it. */
export interface LibraryEntry {
  templateId: string;
  organisationId: string;
  latest: TemplateVersion;
  adoptions: number;
}

/**
 * The templates published in the organisations, newest version each, in Swedish order of name: one
 * query for the versions and one grouped count of adoptions. `query` searches the folded key.
 */
export async function templateLibrary(db: Db, organisationIds: readonly string[], query?: string): Promise<LibraryEntry[]> {
  if (organisationIds.length === 0) return [];
  let select = db
    .selectFrom('templates')
    .innerJoin('template_versions', 'template_versions.template_id', 'templates.id')
    .selectAll('template_versions')
    .select('templates.organisation_id as template_organisation_id')
    .where('templates.organisation_id', 'in', organisationIds)
    .where((eb) => eb('template_versions.version', '=', eb.selectFrom('template_versions as newer').select((inner) => inner.fn.max('newer.version').as('version')).whereRef('newer.template_id', '=', 'templates.id')));
  if (query) select = select.where(searchKeyContains('templates.search_key', query));
  const rows = await select.orderBy(bytewise(db, 'templates.sort_key')).orderBy('templates.id').execute();
  if (rows.length === 0) return [];
  const counts = await db
    .selectFrom('template_adoptions')
    .select(['template_id', (eb) => eb.fn.countAll<number>().as('adoptions')])
    .where('template_id', 'in', rows.map((row) => row.template_id))
    .groupBy('template_id')
    .execute();
  const adoptions = new Map(counts.map((count) => [count.template_id, Number(count.adoptions)]));
  return rows.map(({ template_organisation_id, ...version }) => ({
    templateId: version.template_id,
    organisationId: template_organisation_id,
    latest: toTemplateVersion(version),
    adoptions: adoptions.get(version.template_id) ?? 0,
  }));
}
