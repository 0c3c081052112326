import type { AnswerError } from '../survey/validate-answers';
import type { PersonalDataCategory } from './survey-properties';

/**
 * The result of a classification as the server stores it and the client shows it live.
 * Plain JSON, and self-explanatory: every level carries its name, every aspect the areas and
 * informationsmängder that drove it, every flag its reason.
 */

export interface ContentRef {
  id: string;
  version: number;
}

/** A level on a named scale; "ej bedömd" is null wherever a LevelValue is expected. */
export interface LevelValue {
  level: number;
  name: string;
  /** Aspect code, number and name together, as the protocol writes it: "K3 Allvarlig". */
  label: string;
}

export interface AreaRef {
  id: string;
  name: string;
}

export interface SetAspect {
  aspect: string;
  aspectName: string;
  level: LevelValue | null;
  /** The consequence areas at the aspect's level: "den allvarligaste konsekvensen avgör". */
  drivenBy: AreaRef[];
  /** Marked as synnerligen allvarlig (säkerhetsskydd) rather than rated by area. */
  specialAnalysis: boolean;
  motivation: string | null;
  /** Why a rule set the level above the ratings (information not yet tried against OSL counts as K1). */
  raisedByRule?: string;
}

export interface InformationSetResult {
  /** Position in the answers, for linking back to the form. */
  index: number;
  name: string;
  aspects: SetAspect[];
  personalData: PersonalDataCategory[];
  /** The reporting duties marked for the informationsmängd, as the form words them. */
  reportingDuties?: string[];
}

export interface ProfileDriver {
  informationSet: string;
  areas: AreaRef[];
}

export interface ProfileAspect {
  aspect: string;
  aspectName: string;
  /** The object's level: the maximum over its informationsmängder, then any recorded raise. */
  level: LevelValue | null;
  /** The maximum over informationsmängder before any raise. */
  computed: LevelValue | null;
  /** The informationsmängder at the computed level, by name, with their driving areas. */
  drivenBy: ProfileDriver[];
  raise: { to: LevelValue; applied: boolean; motivation: string | null } | null;
}

export interface Flag {
  value: boolean;
  reason: string;
}

export interface ClassificationFlags {
  verksamhetskritisk: Flag;
  riskanalysRekommenderas: Flag;
  /** Any level outside the catalog (säkerhetsskydd): no generated requirements, a separate analysis. */
  sarskildAnalys: Flag;
  personuppgifter: Flag;
  kansligaPersonuppgifter: Flag;
  /** A duty to report an incident (IMY, cybersäkerhetslagen, lex Maria…); only when the form asks. */
  anmalningsplikt?: Flag;
}

export interface LagrumRef {
  id: string;
  name: string;
}

export interface MissingAnswer {
  field: string;
  message: string;
}

export interface Classification {
  model: ContentRef;
  form: ContentRef;
  scale: ContentRef & { name: string };
  informationSets: InformationSetResult[];
  profile: {
    aspects: ProfileAspect[];
    /** "K2 R3 T2 S3"; an aspect not assessed is written with a dash: "K–". */
    text: string;
  };
  flags: ClassificationFlags;
  personalDataCategories: PersonalDataCategory[];
  lagrum: LagrumRef[];
  /** Other laws the workshop named in free text; they add no requirement of their own. */
  otherLagrum?: string[];
  /** Lagrum the answers point to but the workshop has not ticked (GDPR when personal data is marked). */
  suggestedLagrum: (LagrumRef & { reason: string })[];
  completeness: { complete: boolean; missing: MissingAnswer[] };
}

export type ClassifyOutcome = { ok: true; classification: Classification } | { ok: false; errors: AnswerError[] };
