import { describe, expect, it } from 'vitest';
import { screeningOutcomes } from '../../../scoring/dpia/screening-outcome';
import { dpiaStates, screeningStates } from '../../../scoring/enumerations';
import { dpiaStateNames, screeningStateNames } from '../../../server/reports/dpia-state-labels';
import { dsoEn } from '../../../client/i18n/dso-en';

describe("the DSO's screening and DPIA states", () => {
  it('name every outcome the screening rules can give, so the SQL never yields a state the API refuses', () => {
    for (const outcome of screeningOutcomes) expect(screeningStates).toContain(outcome.id);
  });

  it('have Swedish words for the export and words in both client languages', () => {
    for (const state of screeningStates) {
      expect(screeningStateNames[state]).toMatch(/\p{L}/u);
      expect(dsoEn[`dso.screening.${state}`]).toMatch(/\p{L}/u);
    }
    for (const state of dpiaStates) {
      expect(dpiaStateNames[state]).toMatch(/\p{L}/u);
      expect(dsoEn[`dso.dpia.${state}`]).toMatch(/\p{L}/u);
    }
  });
});
