import type { SurveyPropertyDefinition } from '../content/survey-properties';

/**
 * The property names are API: the classification questionnaire carries them and classify() reads
 * them, so that no rule depends on a question's name.
 */
export const krtsProperty = {
  /** What a question is for in scoring (see krtsRoles). */
  role: 'krtsRole',
  /** The aspect code (K, R, T, S…) a question or a choice concerns. */
  aspect: 'krtsAspect',
  /** The consequence level a matrix column or a choice means; a column without it means "ej relevant". */
  level: 'krtsLevel',
  /** The lagrum id a choice marks. */
  lagrum: 'krtsLagrum',
  /** The personal-data category a choice marks. */
  personalData: 'krtsPersonalData',
} as const;

/** The questions scoring reads. Every other question is documentation for the protocol. */
export const krtsRoles = [
  /** The dynamic panel of informationsmängder; the roles below marked (per mängd) live in its template. */
  'informationsmangder',
  /** (per mängd) the name of the informationsmängd. */
  'mangd-namn',
  /** (per mängd) a matrix rating each consequence area for one aspect. */
  'konsekvenser',
  /** (per mängd) the motivation of one aspect's level. */
  'motivering',
  /** (per mängd) a checkbox of aspects whose consequence is synnerligen allvarlig (säkerhetsskydd). */
  'synnerligen-allvarlig',
  /** (per mängd) a checkbox of personal-data categories. */
  'personuppgifter',
  /** The lagrum ticked for the object. */
  'lagrum',
  /** A raise of one aspect for aggregation, accumulation or integration: a choice of level. */
  'hojning',
  /** The motivation of a raise. */
  'hojning-motivering',
  /** Whether the object supports samhällsviktig verksamhet. */
  'samhallsviktig',
  'samhallsviktig-motivering',
  /** (per mängd) whether the information has been tried against the offentlighets- och sekretesslag (the K1-until-tried rule). */
  'offentlighetsprovad',
  /** (per mängd) a checkbox of duties to report an incident (IMY, cybersäkerhetslagen, lex Maria…): a flag, never a level. */
  'anmalningsplikt',
  /** A list of other laws the workshop names in free text (a matrixdynamic with a "namn" column). */
  'annat-lagrum',
] as const;

export type KrtsRole = (typeof krtsRoles)[number];

/** Personal-data categories a choice can mark; "kansliga" is art. 9 of the GDPR. */
export const personalDataCategories = ['vanliga', 'kansliga', 'lagovertradelser', 'personnummer', 'skyddade', 'barn'] as const;

export type PersonalDataCategory = (typeof personalDataCategories)[number];

/** How a category is written for a person: a result or a protocol never shows the code. */
export const personalDataLabels: Readonly<Record<PersonalDataCategory, string>> = {
  vanliga: 'vanliga personuppgifter',
  kansliga: 'känsliga personuppgifter (artikel 9)',
  lagovertradelser: 'uppgifter om lagöverträdelser (artikel 10)',
  personnummer: 'personnummer eller samordningsnummer',
  skyddade: 'skyddade personuppgifter',
  barn: 'uppgifter om barn',
};

export const classificationSurveyProperties: readonly SurveyPropertyDefinition[] = [
  { className: 'question', name: krtsProperty.role, choices: krtsRoles },
  { className: 'question', name: krtsProperty.aspect },
  { className: 'itemvalue', name: krtsProperty.level, type: 'number' },
  { className: 'itemvalue', name: krtsProperty.lagrum },
  { className: 'itemvalue', name: krtsProperty.aspect },
  { className: 'itemvalue', name: krtsProperty.personalData, choices: personalDataCategories },
];
