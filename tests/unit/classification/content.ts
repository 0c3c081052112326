import fs from 'node:fs';
import path from 'node:path';
import type { ClassificationModel } from '../../../scoring/content/classification-model';
import type { QuestionnaireFile } from '../../../scoring/content/form-file';
import type { LagrumFile } from '../../../scoring/content/lagrum-list';
import type { RequirementCatalog } from '../../../scoring/content/requirement-catalog';
import { classify } from '../../../scoring/classification/classify';
import type { Classification } from '../../../scoring/classification/classification-types';
import { loadFormFile } from '../../../server/forms/load-forms';

/** The shipped classification content, loaded and validated the way the server loads it. */
export interface ClassificationContent {
  model: ClassificationModel;
  form: QuestionnaireFile;
  catalog: RequirementCatalog;
  lagrum: LagrumFile;
}

const shippedIds = { model: 'klassningsmodell', form: 'informationsklassning', catalog: 'kravkatalog', lagrum: 'lagrum' };

/** Version 1 of every file unless told otherwise; version 2 of the model and questionnaire go together. */
export function loadContent(formsDir = 'forms', ids = shippedIds, versions: Partial<Record<keyof typeof shippedIds, number>> = {}): ClassificationContent {
  const version = (id: string) => versions[(Object.keys(ids) as (keyof typeof shippedIds)[]).find((key) => ids[key] === id)!] ?? 1;
  const load = (id: string) => loadFormFile(path.join(formsDir, id, `v${version(id)}.json`)).content as unknown;
  return {
    model: load(ids.model) as ClassificationModel,
    form: load(ids.form) as QuestionnaireFile,
    catalog: load(ids.catalog) as RequirementCatalog,
    lagrum: load(ids.lagrum) as LagrumFile,
  };
}

export interface Fixture {
  description: string;
  answers: Record<string, unknown>;
  expected: {
    profile: string;
    flags: Record<string, boolean>;
    includes: string[];
    excludes: string[];
    levelTexts: Record<string, number>;
  };
}

export const fixtureDir = 'tests/fixtures/classification';

export function loadFixture(name: string): Fixture {
  return JSON.parse(fs.readFileSync(path.join(fixtureDir, `${name}.json`), 'utf8')) as Fixture;
}

export const fixtureNames = ['ekonomisystem', 'elevhalsojournal', 'lokalbokning'];

/** The shipped model and questionnaire version 2, with catalog and lagrum version 1. */
export function loadContentV2(): ClassificationContent {
  return loadContent('forms', shippedIds, { model: 2, form: 2 });
}

/** classify() for answers the test knows to be valid; a validation failure fails the test loudly. */
export function classifyOk(content: ClassificationContent, answers: unknown): Classification {
  const outcome = classify(content.model, content.form, answers, content.lagrum);
  if (!outcome.ok) throw new Error(`answers rejected: ${JSON.stringify(outcome.errors)}`);
  return outcome.classification;
}
