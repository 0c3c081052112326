import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildActionPlan } from '../../../scoring/classification/action-plan';
import { needsReassessment, requirementSuccessors } from '../../../scoring/classification/catalog-versions';
import { checkFormsFolder } from '../../../server/forms/check-forms-folder';
import { classifyOk, loadContent } from './content';

const v2 = loadContent('forms', undefined, { model: 2, form: 3, catalog: 2 });
const v3 = loadContent('forms', undefined, { model: 2, form: 4, catalog: 3 });
const calibration = (name: string) => (JSON.parse(fs.readFileSync(`tests/fixtures/calibration/${name}.json`, 'utf8')) as { answers: Record<string, unknown> }).answers;
const withoutGuidance = (entry: object) => Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'guidance'));

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

type CatalogJson = { meta: { version: number }; requirements: { id: string; guidance?: string }[] };
/** A copy of the shipped forms with kravkatalog v3 changed by `edit`; the file's path for the problems. */
function editedCopy(edit: (json: CatalogJson) => void, file = 'v3.json'): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-'));
  temps.push(dir);
  fs.cpSync('forms', dir, { recursive: true });
  const source = JSON.parse(fs.readFileSync(path.join(dir, 'kravkatalog', 'v3.json'), 'utf8')) as CatalogJson;
  edit(source);
  fs.writeFileSync(path.join(dir, 'kravkatalog', file), JSON.stringify(source));
  return { dir, file: path.join(dir, 'kravkatalog', file) };
}
const indexOf = (id: string) => v3.catalog.requirements.findIndex((entry) => entry.id === id);

describe('kravkatalog version 3: version 2 with guidance', () => {
  it('keeps every requirement of version 2 as it was (id, version, texts, references, triggers) and adds only guidance', () => {
    expect(v3.catalog.requirements).toHaveLength(112);
    expect(v3.catalog.requirements.map(withoutGuidance)).toEqual(v2.catalog.requirements);
    expect(v3.form.survey).toEqual(v2.form.survey);
    expect(v3.form.meta.uses).toContainEqual({ kind: 'requirement-catalog', id: 'kravkatalog', version: 3 });
  });

  it('gives every requirement a short guidance of one to four sentences', () => {
    for (const requirement of v3.catalog.requirements) {
      const sentences = requirement.guidance?.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ”])/u) ?? [];
      expect(sentences.length, requirement.id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, requirement.id).toBeLessThanOrEqual(4);
      // Not the ÄR-krav again: guidance says how, not what.
      expect(requirement.guidance, requirement.id).not.toContain(requirement.arText);
    }
  });

  it('asks nothing to be judged again when a plan moves from version 2', () => {
    const successors = requirementSuccessors(v3.catalog);
    for (const old of v2.catalog.requirements) {
      const next = successors({ id: old.id, version: old.version });
      expect(next, old.id).toEqual([{ id: old.id, version: old.version }]);
      expect(needsReassessment('uppfyllt', [{ id: old.id, version: old.version }], next[0]!)).toBe(false);
    }
  });

  it('gives the plan the same requirements as version 2, each with its guidance', () => {
    for (const name of ['webbplats', 'lonesystem']) {
      const before = buildActionPlan(v2.catalog, classifyOk(v2, calibration(name)));
      const after = buildActionPlan(v3.catalog, classifyOk(v3, calibration(name)));
      expect(after.requirements.map(withoutGuidance)).toEqual(before.requirements.map(withoutGuidance));
      expect(before.requirements.every((entry) => entry.guidance === null)).toBe(true);
      for (const entry of after.requirements) expect(entry.guidance).toBe(v3.catalog.requirements.find((requirement) => requirement.id === entry.id)!.guidance);
    }
  });
});

// Each check reads and validates the whole forms folder (every survey too): seconds on a loaded machine.
describe('forms:check on guidance', { timeout: 60_000 }, () => {
  it('accepts the shipped catalogs: v1 and v2 without guidance, v3 with it everywhere', () => {
    expect(checkFormsFolder('forms').problems).toEqual([]);
  });

  it('refuses a version with guidance where one requirement has none', () => {
    const at = indexOf('tek-loggning');
    const { dir, file } = editedCopy((json) => delete json.requirements[at]!.guidance);
    expect(checkFormsFolder(dir).problems).toContainEqual({ file, field: `requirements[${at}].guidance`, message: expect.stringContaining('has no guidance') });
  });

  it('refuses a later version that drops the guidance again', () => {
    const { dir, file } = editedCopy((json) => {
      json.meta.version = 4;
      for (const requirement of json.requirements) delete requirement.guidance;
    }, 'v4.json');
    const problems = checkFormsFolder(dir).problems.filter((problem) => problem.file === file);
    expect(problems).toHaveLength(112);
    expect(problems[0]).toEqual({ file, field: 'requirements[0].guidance', message: expect.stringContaining('from version 3') });
  });

  it.each([
    ['a requirement id', 'Se även tek-sakerhetskopiering.', 'tek-sakerhetskopiering'],
    ['a plan status code', 'Sätt status till ej_bedomd tills underlaget finns.', 'ej_bedomd'],
    ['a lagrum key that is no word of its name', 'Gäller enligt cybersakerhetslagen.', 'cybersakerhetslagen'],
  ])('refuses guidance naming %s', (_, guidance, key) => {
    const at = indexOf('org-styrdokument');
    const { dir, file } = editedCopy((json) => { json.requirements[at]!.guidance = guidance; });
    expect(checkFormsFolder(dir).problems).toContainEqual({ file, field: `requirements[${at}].guidance`, message: expect.stringContaining(key) });
  });

  it('lets guidance name a law the way its lagrum name does', () => {
    const at = indexOf('org-styrdokument');
    const { dir } = editedCopy((json) => { json.requirements[at]!.guidance = 'Stäm av mot GDPR, arkivlagen och patientdatalagen med dataskyddsombudet.'; });
    expect(checkFormsFolder(dir).problems).toEqual([]);
  });
});
