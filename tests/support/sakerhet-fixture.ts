import { ekonomisystem } from './template-fixture';

/** The ekonomisystem workshop with its first information set marked synnerligen allvarlig for K: level 4, säkerhetsskydd. */
export function levelFourAnswers(): Record<string, unknown> {
  const answers = ekonomisystem();
  const [first, ...rest] = answers.informationsmangder as Record<string, unknown>[];
  return { ...answers, informationsmangder: [{ ...first, sakerhetsskydd: true, synnerligen_allvarlig: ['k'] }, ...rest] };
}
