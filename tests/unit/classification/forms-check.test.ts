import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFormsFolder } from '../../../server/forms/check-forms-folder';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped forms folder with one file changed by `edit`. */
function brokenCopy(id: string, edit: (json: Record<string, unknown>) => void): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-'));
  temps.push(dir);
  fs.cpSync('forms', dir, { recursive: true });
  const file = path.join(dir, id, 'v1.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json));
  return { dir, file };
}

type Json = Record<string, unknown> & { [key: string]: Json } & Json[];
const template = (json: Record<string, unknown>) => (json as Json).survey.pages[1]!.elements[1]!.templateElements;

describe('forms:check', () => {
  it('accepts the shipped forms', () => {
    const result = checkFormsFolder('forms');
    expect(result.problems).toEqual([]);
    expect(result.files).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['a column level off the scale', 'informationsklassning', (json: Record<string, unknown>) => { template(json)[3]!.columns[2]!.krtsLevel = 7 as never; }, 'survey.informationsmangder.konsekvens_k.columns.niva-2.krtsLevel'],
    ['a matrix row that is no consequence area', 'informationsklassning', (json: Record<string, unknown>) => { (template(json)[3]!.rows as unknown as unknown[]).push({ value: 'okand' }); }, 'survey.informationsmangder.konsekvens_k.rows.okand'],
    ['an unknown aspect', 'informationsklassning', (json: Record<string, unknown>) => { template(json)[3]!.krtsAspect = 'X' as never; }, 'survey.informationsmangder.konsekvens_k.krtsAspect'],
    ['a lagrum choice not in the list', 'informationsklassning', (json: Record<string, unknown>) => { (json as Json).survey.pages[2]!.elements[0]!.choices[0]!.krtsLagrum = 'okand' as never; }, 'survey.lagrum.choices.gdpr.krtsLagrum'],
    ['two questions with one name', 'informationsklassning', (json: Record<string, unknown>) => { template(json)[1]!.name = 'namn' as never; }, 'survey.informationsmangder.namn'],
    ['a catalog lagrum that does not exist', 'kravkatalog', (json: Record<string, unknown>) => { (json as Json).requirements[0]!.lagrum = ['okand'] as never; }, 'requirements[0].lagrum[0]'],
    ['a catalog aspect not in the model', 'kravkatalog', (json: Record<string, unknown>) => { (json as Json).requirements[2]!.minLevels = { X: 2 } as never; }, 'requirements[2].minLevels.X'],
    ['a replaced requirement that never existed', 'kravkatalog', (json: Record<string, unknown>) => { (json as Json).requirements[0]!.replaces = [{ id: 'gammal', version: 1 }] as never; }, 'requirements[0].replaces[0]'],
    ['a missing used file', 'informationsklassning', (json: Record<string, unknown>) => { (json as Json).meta.uses[1]!.version = 9 as never; }, 'meta.uses[1]'],
    ['a schema violation', 'kravkatalog', (json: Record<string, unknown>) => { (json as Json).requirements[0]!.iso27002 = ['9.99'] as never; }, 'requirements.0.iso27002.0'],
    ['an unknown SurveyJS question type', 'informationsklassning', (json: Record<string, unknown>) => { template(json)[0]!.type = 'nosuchtype' as never; }, 'survey'],
  ])('rejects %s, naming file and field', (_, id, edit, field) => {
    const { dir, file } = brokenCopy(id, edit);
    const { problems } = checkFormsFolder(dir);
    expect(problems).toContainEqual({ file, field, message: expect.any(String) });
  });
});
