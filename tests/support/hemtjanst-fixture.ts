import fs from 'node:fs';

/** The hemtjänst GPS example (tests/fixtures/dpia/hemtjanst-gps.json): a screening that requires a DPIA, and the DPIA. */
export interface HemtjanstFixture {
  screening: { answers: Record<string, unknown>; factorsV2: Record<string, string>; expected: { outcome: string } };
  assessment: { answers: Record<string, unknown> };
}

/** Read afresh at each call, so a test may change what it gets. */
export function hemtjanstFixture(): HemtjanstFixture {
  return JSON.parse(fs.readFileSync('tests/fixtures/dpia/hemtjanst-gps.json', 'utf8')) as HemtjanstFixture;
}

/** The DPIA's answers an author writes: without the DSO's advice and the decision, which only their sign-off steps write (form v2). */
export function hemtjanstAuthorAnswers(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(hemtjanstFixture().assessment.answers).filter(([key]) => !key.startsWith('dso-') && !key.startsWith('beslut')));
}
