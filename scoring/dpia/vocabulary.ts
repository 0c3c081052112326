/**
 * The fixed legal vocabulary of a DPIA: the art. 35.3 cases, the nine WP248 criteria, the exemptions
 * a DSO must decide, and the fields and roles a DPIA form marks its questions with. The ids are API:
 * forms refer to them through custom SurveyJS properties, results carry them, never renamed.
 */

export const answerYes = 'ja';
export const answerNo = 'nej';
export const answerUnsure = 'osaker';

export const art353Cases = [
  { id: 'a', label: 'art. 35.3 a – systematisk och omfattande automatiserad bedömning, inklusive profilering, som ligger till grund för beslut med rättsliga eller liknande betydande följder' },
  { id: 'b', label: 'art. 35.3 b – behandling i stor omfattning av känsliga personuppgifter (art. 9) eller uppgifter om lagöverträdelser (art. 10)' },
  { id: 'c', label: 'art. 35.3 c – systematisk övervakning i stor omfattning av en allmän plats' },
] as const;

export type Art353CaseId = (typeof art353Cases)[number]['id'];

export const wp248Criteria = [
  { id: 'utvardering', number: 1, label: 'Utvärdering eller poängsättning, till exempel profilering eller förutsägelser' },
  { id: 'automatiserat-beslut', number: 2, label: 'Automatiserat beslutsfattande med rättsliga eller liknande betydande följder' },
  { id: 'systematisk-overvakning', number: 3, label: 'Systematisk övervakning' },
  { id: 'kansliga-uppgifter', number: 4, label: 'Känsliga uppgifter eller uppgifter av mycket personlig karaktär' },
  { id: 'stor-omfattning', number: 5, label: 'Behandling i stor omfattning' },
  { id: 'samkorning', number: 6, label: 'Matchning eller sammanförande av datamängder' },
  { id: 'sarbara-registrerade', number: 7, label: 'Uppgifter om sårbara registrerade, till exempel barn, anställda, patienter eller äldre' },
  { id: 'ny-teknik', number: 8, label: 'Innovativ användning eller ny teknisk eller organisatorisk lösning' },
  { id: 'hindrar-rattighet', number: 9, label: 'Behandlingen hindrar de registrerade från att utöva en rättighet eller använda en tjänst eller ett avtal' },
] as const;

export type CriterionId = (typeof wp248Criteria)[number]['id'];

/**
 * The factors WP248 weighs together for criterion 5, "stor omfattning". A form that marks its
 * questions with them (screening form v2) has the criterion decided by largeScale, not by any one yes.
 */
export const largeScaleFactors = [
  { id: 'antal', label: 'antal registrerade', amount: true },
  { id: 'volym', label: 'mängd uppgifter', amount: true },
  { id: 'varaktighet', label: 'varaktighet', amount: false },
  { id: 'geografi', label: 'geografisk omfattning', amount: false },
] as const;

export type LargeScaleFactorId = (typeof largeScaleFactors)[number]['id'];

export const exemptions = [
  { id: 'skal-91', label: 'Skäl 91 – behandling av en enskild läkare, annan yrkesutövare inom hälso- och sjukvård eller advokat' },
  { id: 'art-35-10', label: 'Art. 35.10 – behandlingen regleras av en särskild författning och en konsekvensbedömning gjordes när den beslutades' },
  { id: 'art-35-1', label: 'Art. 35.1 – en befintlig konsekvensbedömning omfattar liknande behandlingar' },
] as const;

export type ExemptionId = (typeof exemptions)[number]['id'];

/** What a question (or a panel) is for, when it is not a criterion or a rating. */
export const dpiaRoles = [
  'personal-data',
  'processing-change',
  'asset',
  'principles',
  'risk-selection',
  'measures',
  'data-subject-views',
  'data-subject-views-content',
  'data-subject-views-reason',
  'dso-advice',
  'dso-advice-reasons',
  'decision',
  'decision-reasons',
  'decision-date',
] as const;

export type DpiaRole = (typeof dpiaRoles)[number];

/** The parts of a risk panel, and the columns of the principle and measure tables. */
export const dpiaFields = [
  'impacts',
  'threats',
  'sources',
  'existing-measures',
  'severity-current',
  'severity-current-justification',
  'likelihood-current',
  'likelihood-current-justification',
  'severity-residual',
  'severity-residual-justification',
  'likelihood-residual',
  'likelihood-residual-justification',
  'judgement',
  'comment',
  'measure',
  'risks',
  'owner',
  'due',
  'status',
] as const;

export type DpiaField = (typeof dpiaFields)[number];

export const riskKinds = ['feared-event', 'rights'] as const;

export const principleJudgements = [
  { id: 'acceptabel', label: 'Acceptabel' },
  { id: 'forbattringsbar', label: 'Förbättringsbar' },
  { id: 'att-korrigera', label: 'Att korrigera' },
] as const;

export type PrincipleJudgement = (typeof principleJudgements)[number]['id'];

/**
 * A measure's status as the DPIA form asks it, and the plan status it starts the measure's plan
 * item at: a planned measure is not yet in place, one under way is partly, a finished one is.
 */
export const measureStatuses = [
  { id: 'planerad', label: 'Planerad', planStatus: 'ej_uppfyllt' },
  { id: 'pagaende', label: 'Pågående', planStatus: 'delvis_uppfyllt' },
  { id: 'genomford', label: 'Genomförd', planStatus: 'uppfyllt' },
] as const;

export type MeasureStatus = (typeof measureStatuses)[number]['id'];
export type MeasurePlanStatus = (typeof measureStatuses)[number]['planStatus'];
