import fs from 'node:fs';
import { dpiaRiskModelFileSchema } from '../../scoring/content/dpia-risk-model';
import { questionnaireFileSchema } from '../../scoring/content/form-file';
import { assessDpia } from '../../scoring/dpia/assess-dpia';
import { screenDpia } from '../../scoring/dpia/screen-dpia';
import { validateAnswers } from '../../scoring/survey/validate-answers';
import type { Benchmark, BenchRow } from './support/bench-types';

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Calls per second of `run`, after a warm-up, over about `seconds`. */
function perSecond(run: () => unknown, seconds = 2): number {
  for (let i = 0; i < 200; i += 1) run();
  let calls = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i += 1) run();
    calls += 100;
  }
  return calls / ((performance.now() - start) / 1000);
}

/**
 * screenDpia and assessDpia on the hemtjänst case. The baseline is validateAnswers on the same form and
 * answers, the one pass over the answers that both must make anyway: the ratio is what the DPIA rules cost on top.
 */
export const dpiaBenchmark: Benchmark = {
  name: 'dpia',
  async run(): Promise<BenchRow[]> {
    const screening = questionnaireFileSchema.parse(readJson('forms/dpia-forhandsbedomning/v1.json'));
    const dpia = questionnaireFileSchema.parse(readJson('forms/konsekvensbedomning/v1.json'));
    const model = dpiaRiskModelFileSchema.parse(readJson('forms/dpia-riskmodell/v1.json'));
    const fixture = readJson('tests/fixtures/dpia/hemtjanst-gps.json') as {
      screening: { answers: Record<string, unknown> };
      assessment: { answers: Record<string, unknown> };
    };
    const screeningBaseline = perSecond(() => validateAnswers(screening.survey, fixture.screening.answers));
    const screen = perSecond(() => screenDpia(screening, fixture.screening.answers));
    const assessmentBaseline = perSecond(() => validateAnswers(dpia.survey, fixture.assessment.answers));
    const assess = perSecond(() => assessDpia(dpia, model, fixture.assessment.answers, { today: '2026-12-15' }));
    return [
      { benchmark: 'screenDpia (hemtjänst GPS)', figure: 'calls/s', value: screen, unit: 'calls/s', baseline: { name: 'validateAnswers only', value: screeningBaseline } },
      { benchmark: 'assessDpia (hemtjänst GPS)', figure: 'calls/s', value: assess, unit: 'calls/s', baseline: { name: 'validateAnswers only', value: assessmentBaseline } },
    ];
  },
};
