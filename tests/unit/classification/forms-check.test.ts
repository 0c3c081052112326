import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFormsFolder } from '../../../server/forms/check-forms-folder';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, unknown>;

/** A copy of the shipped forms folder with one file changed by `edit`. */
function brokenCopy(id: string, edit: (json: Json) => void): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-'));
  temps.push(dir);
  fs.cpSync('forms', dir, { recursive: true });
  const file = path.join(dir, id, 'v1.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json));
  return { dir, file };
}

/** The object at a path of keys and indexes, for editing a copied file in place. */
function dig(json: unknown, ...keys: (string | number)[]): Json {
  let at = json;
  for (const key of keys) at = (at as Record<string | number, unknown>)[key];
  return at as Json;
}
const templateAt = (json: Json, index: number) => dig(json, 'survey', 'pages', 1, 'elements', 1, 'templateElements', index);

describe('forms:check', () => {
  it('accepts the shipped forms', () => {
    const result = checkFormsFolder('forms');
    expect(result.problems).toEqual([]);
    expect(result.files).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['a column level off the scale', 'informationsklassning', (json: Json) => { dig(templateAt(json, 3), 'columns', 2).krtsLevel = 7; }, 'survey.informationsmangder.konsekvens_k.columns.niva-2.krtsLevel'],
    ['a matrix row that is no consequence area', 'informationsklassning', (json: Json) => { (templateAt(json, 3).rows as unknown[]).push({ value: 'okand' }); }, 'survey.informationsmangder.konsekvens_k.rows.okand'],
    ['an unknown aspect', 'informationsklassning', (json: Json) => { templateAt(json, 3).krtsAspect = 'X'; }, 'survey.informationsmangder.konsekvens_k.krtsAspect'],
    ['a lagrum choice not in the list', 'informationsklassning', (json: Json) => { dig(json, 'survey', 'pages', 2, 'elements', 0, 'choices', 0).krtsLagrum = 'okand'; }, 'survey.lagrum.choices.gdpr.krtsLagrum'],
    ['two questions with one name', 'informationsklassning', (json: Json) => { templateAt(json, 1).name = 'namn'; }, 'survey.informationsmangder.namn'],
    ['a catalog lagrum that does not exist', 'kravkatalog', (json: Json) => { dig(json, 'requirements', 0).lagrum = ['okand']; }, 'requirements[0].lagrum[0]'],
    ['a catalog aspect not in the model', 'kravkatalog', (json: Json) => { dig(json, 'requirements', 2).minLevels = { X: 2 }; }, 'requirements[2].minLevels.X'],
    ['a replaced requirement that never existed', 'kravkatalog', (json: Json) => { dig(json, 'requirements', 0).replaces = [{ id: 'gammal', version: 1 }]; }, 'requirements[0].replaces[0]'],
    ['a missing used file', 'informationsklassning', (json: Json) => { dig(json, 'meta', 'uses', 1).version = 9; }, 'meta.uses[1]'],
    ['a control reference not in ISO/IEC 27002:2022', 'kravkatalog', (json: Json) => { dig(json, 'requirements', 0).iso27002 = ['8.35']; }, 'requirements[0].iso27002[0]'],
    ['a schema violation', 'kravkatalog', (json: Json) => { dig(json, 'requirements', 0).iso27002 = ['9.99']; }, 'requirements.0.iso27002.0'],
    ['an unknown SurveyJS question type', 'informationsklassning', (json: Json) => { templateAt(json, 0).type = 'nosuchtype'; }, 'survey'],
  ])('rejects %s, naming file and field', (_, id, edit, field) => {
    const { dir, file } = brokenCopy(id, edit);
    const { problems } = checkFormsFolder(dir);
    expect(problems).toContainEqual({ file, field, message: expect.any(String) });
  });
});
