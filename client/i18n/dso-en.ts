import type { dsoSv } from './dso-sv';

/** Issue 17 (dso): the DSO's DPIA column and filter in the inventory, the overview of screenings and DPIAs, sign-off rules. */
export const dsoEn = {
  'apiError.sign_off_answer': "The DSO's advice and the decision are given in the sign-off, not in the form. The change was not saved.",
  'specialAnalysis.earlier': 'The levels have changed since {name} recorded where the analysis is kept ({reference}, {date}). The protective security officer must confirm it again.',
} satisfies Record<keyof typeof dsoSv, string>;
