import fs from 'node:fs';
import { buildActionPlan } from '../../scoring/classification/action-plan';
import { classify } from '../../scoring/classification/classify';
import type { ClassificationModel } from '../../scoring/content/classification-model';
import type { QuestionnaireFile } from '../../scoring/content/form-file';
import type { LagrumFile } from '../../scoring/content/lagrum-list';
import type { RequirementCatalog } from '../../scoring/content/requirement-catalog';
import type { Benchmark, BenchRow } from './support/bench-types';
import { tenInformationSets } from './support/ten-information-sets';

const read = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** The floor: visit every value of the answers once, as any scoring must at least do. */
function walk(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + walk(item), 0);
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((sum: number, item) => sum + walk(item), 0);
  return 1;
}

function opsPerSecond(operation: () => unknown, seconds: number): number {
  for (let warm = 0; warm < 200; warm += 1) operation();
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let batch = 0; batch < 50; batch += 1) operation();
    count += 50;
  }
  return count / ((performance.now() - start) / 1000);
}

export const classificationBenchmark: Benchmark = {
  name: 'classification',
  async run(): Promise<BenchRow[]> {
    const model = read<ClassificationModel>('forms/klassningsmodell/v1.json');
    const form = read<QuestionnaireFile>('forms/informationsklassning/v1.json');
    const catalog = read<RequirementCatalog>('forms/kravkatalog/v1.json');
    const lagrum = read<LagrumFile>('forms/lagrum/v1.json');
    const answers = tenInformationSets();
    let sink = 0;
    const floor = opsPerSecond(() => (sink += walk(answers)), 2);
    const scored = opsPerSecond(() => {
      const outcome = classify(model, form, answers, lagrum);
      if (!outcome.ok) throw new Error('benchmark answers do not fit the form');
      sink += buildActionPlan(catalog, outcome.classification).requirements.length;
    }, 3);
    if (sink < 0) process.stderr.write('unreachable\n');
    return [
      {
        benchmark: 'classify + buildActionPlan, 10 informationsmängder',
        figure: 'operations/s',
        value: scored,
        unit: 'ops/s',
        baseline: { name: 'walk the answers once', value: floor },
      },
    ];
  },
};
