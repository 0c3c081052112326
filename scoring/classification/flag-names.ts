import type { ClassificationFlags } from './classification-types';

/** What each derived flag is called in Swedish, in the order a result lists them: the UI and every PDF name a flag by this. */
export const classificationFlagNames: Readonly<Record<keyof ClassificationFlags, string>> = {
  verksamhetskritisk: 'Verksamhetskritisk',
  riskanalysRekommenderas: 'Riskanalys rekommenderas',
  sarskildAnalys: 'Särskild analys (säkerhetsskydd)',
  personuppgifter: 'Personuppgifter',
  kansligaPersonuppgifter: 'Känsliga personuppgifter',
  anmalningsplikt: 'Anmälningsplikt vid incident',
};

export const classificationFlagOrder = Object.keys(classificationFlagNames) as (keyof ClassificationFlags)[];
