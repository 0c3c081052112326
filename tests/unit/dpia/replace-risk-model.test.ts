import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DpiaRiskModelFile } from '../../../scoring/content/dpia-risk-model';
import type { QuestionnaireFile } from '../../../scoring/content/form-file';
import { assessDpia } from '../../../scoring/dpia/assess-dpia';
import { loadForms } from '../../../server/forms/check-forms-folder';
import { fixturesDir, formsDir, loadFixtures } from './dpia-content';

/**
 * An organisation replaces forms/dpia-riskmodell/v1.json with its own matrix. The server's loader
 * accepts it, and the same answers then give other levels, with no code change.
 */
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-'));
fs.cpSync(formsDir, copy, { recursive: true });
fs.copyFileSync(path.join(fixturesDir, 'alternativ-riskmodell/v1.json'), path.join(copy, 'dpia-riskmodell/v1.json'));
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

function loaded(dir: string) {
  const forms = loadForms(dir);
  const find = (id: string) => forms.find((form) => form.meta.id === id)!.content;
  return { form: find('konsekvensbedomning') as unknown as QuestionnaireFile, model: find('dpia-riskmodell') as unknown as DpiaRiskModelFile };
}

describe('replacing the risk model file', () => {
  const answers = loadFixtures().find((fixture) => fixture.slug === 'hemtjanst-gps')!.assessment!.answers;

  it('gives different levels and a different art. 36 result for the same answers', () => {
    const standard = loaded(formsDir);
    const replaced = loaded(copy);
    const before = assessDpia(standard.form, standard.model, answers);
    const after = assessDpia(replaced.form, replaced.model, answers);
    if (!before.ok || !after.ok) throw new Error('answers should fit the form');
    expect(replaced.model.meta.title).toMatch(/strängare/);
    expect(before.result.overall.residual?.level.label).toBe('Medel');
    expect(after.result.overall.residual?.level.label).toBe('Hög');
    expect(before.result.priorConsultation.required).toBe(false);
    expect(after.result.priorConsultation.required).toBe(true);
    expect(after.result.review).toMatchObject({ months: 6, date: '2027-06-15' });
  });
});
