import { describe, expect, it } from 'vitest';
import { assessDpia } from '../../../scoring/dpia/assess-dpia';
import { loadFixtures, loadQuestionnaire, loadRiskModel } from './dpia-content';

/** The explanation's last line says where the DPIA stands, so a decided one no longer reads "kan skickas till dataskyddsombudet" (issue 18). */

const form = loadQuestionnaire('konsekvensbedomning');
const model = loadRiskModel();
const hemtjanst = loadFixtures().find((fixture) => fixture.slug === 'hemtjanst-gps')!.assessment!.answers;

function lastLine(answers: Record<string, unknown>): string {
  const evaluation = assessDpia(form, model, answers);
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.errors));
  return evaluation.result.explanation.at(-1)!;
}

const without = (answers: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(answers).filter(([key]) => !keys.includes(key)));

describe('the last line of a DPIA’s explanation', () => {
  it('names the decision once it is taken', () => {
    const line = lastLine(hemtjanst);
    expect(line).not.toContain('kan skickas till dataskyddsombudet');
    expect(line).toMatch(/^Beslut fattat: /);
  });

  it('says the decision remains once the DSO has advised', () => {
    const line = lastLine(without(hemtjanst, 'beslut', 'beslutsdatum', 'beslut-motivering'));
    expect(line).toMatch(/^Dataskyddsombudet har lämnat sitt råd \(.+\); beslutet återstår\.$/);
  });

  it('says it can go to the DSO while no advice is given', () => {
    expect(lastLine(without(hemtjanst, 'dso-rad', 'dso-motivering', 'beslut', 'beslutsdatum', 'beslut-motivering'))).toBe('Konsekvensbedömningen är komplett och kan skickas till dataskyddsombudet.');
  });
});
