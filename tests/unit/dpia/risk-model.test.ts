import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { riskModelSchema } from '../../../scoring/content/dpia-risk-model';
import { highestLevel, riskLevel } from '../../../scoring/dpia/risk-matrix';
import { loadRiskModel } from './dpia-content';

const { riskModel } = loadRiskModel();

describe('the default risk model', () => {
  // The table of the domain file, row by row: severity 4 down to 1, likelihood 1 to 4.
  const expected: Record<number, string[]> = {
    4: ['Medel', 'Hög', 'Mycket hög', 'Mycket hög'],
    3: ['Låg', 'Medel', 'Hög', 'Mycket hög'],
    2: ['Låg', 'Låg', 'Medel', 'Medel'],
    1: ['Låg', 'Låg', 'Låg', 'Låg'],
  };
  const cells = Object.entries(expected).flatMap(([severity, labels]) =>
    labels.map((label, index) => ({ severity: Number(severity), likelihood: index + 1, label })),
  );

  it.each(cells)('severity $severity × likelihood $likelihood is $label', ({ severity, likelihood, label }) => {
    expect(riskLevel(riskModel, severity, likelihood)?.label).toBe(label);
  });

  it('has no level for values off its scales', () => {
    expect(riskLevel(riskModel, 5, 1)).toBeUndefined();
    expect(riskLevel(riskModel, 1, 0)).toBeUndefined();
  });

  it('is monotone in severity and in likelihood', () => {
    const step = fc.integer({ min: 1, max: 4 });
    fc.assert(
      fc.property(step, step, step, step, (s1, s2, l1, l2) => {
        const low = riskLevel(riskModel, Math.min(s1, s2), Math.min(l1, l2))!;
        const high = riskLevel(riskModel, Math.max(s1, s2), Math.max(l1, l2))!;
        expect(high.rank).toBeGreaterThanOrEqual(low.rank);
      }),
    );
  });

  it('takes the highest level as the overall one, never an average', () => {
    const levels = [riskLevel(riskModel, 1, 1), riskLevel(riskModel, 4, 4), riskLevel(riskModel, 1, 2)];
    expect(highestLevel(levels)?.label).toBe('Mycket hög');
    expect(highestLevel([])).toBeUndefined();
  });

  it('emits a JSON Schema for editors', () => {
    const schema = z.toJSONSchema(riskModelSchema);
    expect(schema.type).toBe('object');
    expect(JSON.stringify(schema)).toContain('priorConsultationFromLevel');
  });
});

type RiskModelData = typeof riskModel;

describe('a broken risk model is rejected with the field named', () => {
  const cases: { name: string; change: (model: RiskModelData) => void; path: string; message: RegExp }[] = [
    { name: 'a missing row', change: (m) => void m.matrix.splice(0, 1), path: 'matrix', message: /no row for severity 4/ },
    { name: 'a short row', change: (m) => void m.matrix[0]!.levels.pop(), path: 'matrix.0.levels', message: /needs 4 levels/ },
    { name: 'an unknown level', change: (m) => void (m.matrix[1]!.levels[0] = 'okand'), path: 'matrix.1.levels.0', message: /unknown level "okand"/ },
    { name: 'an unknown threshold', change: (m) => void (m.priorConsultationFromLevel = 'rod'), path: 'priorConsultationFromLevel', message: /unknown level/ },
    { name: 'a level that falls with likelihood', change: (m) => void (m.matrix[0]!.levels[3] = 'lag'), path: 'matrix', message: /falls as likelihood rises/ },
    { name: 'a level that falls with severity', change: (m) => void (m.matrix[3]!.levels[3] = 'hog'), path: 'matrix', message: /lower level than the severity below/ },
  ];
  it.each(cases)('$name', ({ change, path, message }) => {
    const model = structuredClone(riskModel);
    change(model);
    const result = riskModelSchema.safeParse(model);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((candidate) => message.test(candidate.message));
    expect(issue?.path.join('.')).toBe(path);
  });
});
