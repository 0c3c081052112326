import { acceptedOutcomeLabel } from '../../scoring/dpia/exemption-decision';
import type { DpiaState, ScreeningState } from '../../scoring/enumerations';

/** Swedish words for the DSO's states (issue 17), for the inventory export: the client has its own, in both languages. */
export const screeningStateNames: Record<ScreeningState, string> = {
  'ej-screenad': 'Ej screenad',
  'ej-besvarad': 'Ej besvarad',
  'inte-tillamplig': 'Inte tillämplig',
  'kravs-inte': 'Krävs inte',
  'undantag-godtaget': acceptedOutcomeLabel,
  'undantag-vantar': 'Undantag väntar på dataskyddsombudet',
  rekommenderas: 'Rekommenderas',
  'kravs-preliminart': 'Krävs preliminärt',
  kravs: 'Krävs',
};

export const dpiaStateNames: Record<DpiaState, string> = {
  'ej-paborjad': 'Ej påbörjad',
  utkast: 'Utkast',
  'vantar-dso-rad': 'Väntar på dataskyddsombudets råd',
  'vantar-beslut': 'Väntar på beslut',
  beslutad: 'Beslutad',
};
