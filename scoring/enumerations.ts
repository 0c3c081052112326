/**
 * The enumerations client and server share, defined once. Plain `as const` arrays with no imports:
 * the client imports them as values, so nothing here may pull zod or server code into the browser
 * bundle (the server builds its zod enums from these arrays).
 */

export const roles = ['admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = ['kommun', 'namnd', 'forvaltning', 'bolag', 'annan'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const assetTypes = ['system', 'e-tjanst', 'process', 'gruppdisk', 'annat'] as const;
export type AssetType = (typeof assetTypes)[number];
export const hostingKinds = ['egen_drift', 'kommunens_it', 'molntjanst'] as const;
export type HostingKind = (typeof hostingKinds)[number];
export const classificationStatuses = ['ej_klassad', 'pagar', 'faststalld', 'omprovning_forfaller'] as const;
export type ClassificationStatus = (typeof classificationStatuses)[number];

export const assessmentKinds = ['classification', 'dpia-screening', 'dpia'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const assessmentStatuses = ['utkast', 'for_granskning', 'faststalld'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const planStatuses = ['ej_bedomd', 'uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_tillampligt', 'risk_accepterad'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const priorities = ['hog', 'medel', 'lag'] as const;
export type Priority = (typeof priorities)[number];

export const approvalSteps = ['ready', 'dso_advice', 'decision', 'returned'] as const;
export type ApprovalStep = (typeof approvalSteps)[number];
// The DSO's advice (art. 35.2) and the decisions that fastställ a DPIA live with their rules.
export { type DpiaDecision, dpiaDecisions, type DsoAdvice, dsoAdvices } from './dpia/advice-decisions';

/** The four themes of ISO/IEC 27002:2022 (clauses 5–8), which group a kravkatalog and a handlingsplan. */
export const requirementThemes = ['organisatorisk', 'personal', 'fysisk', 'teknisk'] as const;
export type RequirementTheme = (typeof requirementThemes)[number];

export const verdicts = ['valid', 'untrusted', 'modified', 'unsigned', 'invalid'] as const;
export type Verdict = (typeof verdicts)[number];

/**
 * The dataskyddsombud's view of an asset (issue 17): its newest screening's outcome ("undantag väntar":
 * a claimed exemption the DSO has not decided) and its newest DPIA's place in the sign-off. The ids are API.
 */
export const screeningStates = [
  'ej-screenad', 'ej-besvarad', 'inte-tillamplig', 'kravs-inte', 'undantag-godtaget', 'undantag-vantar', 'rekommenderas', 'kravs-preliminart', 'kravs',
] as const;
export type ScreeningState = (typeof screeningStates)[number];
export const dpiaStates = ['ej-paborjad', 'utkast', 'vantar-dso-rad', 'vantar-beslut', 'beslutad'] as const;
export type DpiaState = (typeof dpiaStates)[number];
