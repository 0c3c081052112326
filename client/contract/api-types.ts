/**
 * The API's resources by name, each taken from the route that answers it (contract/api.ts), so
 * the client restates none of them. Types only: see contract/api.ts.
 */
import type { ApiAnswer, ApiBody } from './api';

export type { ApprovalStep, AssessmentKind, AssessmentStatus, AssetType, ClassificationStatus, DpiaDecision, DpiaState, DsoAdvice, HostingKind, OrganisationKind, PlanStatus, Priority, Role, ScreeningState, Verdict } from '../../scoring/enumerations';

export type Session = ApiAnswer<'/api/auth/me'>;
export type Membership = Session['memberships'][number];

export type Organisation = ApiAnswer<'/api/organisations'>['organisations'][number];
export type Member = ApiAnswer<'/api/organisations/:id/members'>['members'][number];
export type AnnualBudget = ApiAnswer<'/api/organisations/:id/annual-budget'>;
export type ReviewInterval = ApiAnswer<'/api/organisations/:id/review-interval'>;

export type AssetPage = ApiAnswer<'/api/assets'>;
export type Asset = ApiAnswer<'/api/assets/:id'>;
export type Profile = NonNullable<Asset['profile']>;
export type AspectCode = keyof Profile;
export type HistoryEvent = ApiAnswer<'/api/assets/:id/history'>['events'][number];

export type Assessment = ApiAnswer<'/api/assessments/:id'>;
export type Answers = Assessment['answers'];

export type PlanItem = ApiAnswer<'PATCH /api/plan-items/:id'>;
export type PlanItemPatch = ApiBody<'PATCH /api/plan-items/:id'>;
export type PlanRequirementTexts = NonNullable<PlanItem['requirement']>;
export type PlanTheme = PlanRequirementTexts['theme'];

export type SignOff = ApiAnswer<'/api/assessments/:id/sign-off'>;
export type Approval = SignOff['approvals'][number];
export type ProtocolInfo = SignOff['protocols'][number];

export type Verification = ApiAnswer<'POST /api/verify'>;
export type VerifiedSignature = Verification['signatures'][number];
export type SealCertificate = NonNullable<Verification['certificate']>;

export type DashboardFigures = ApiAnswer<'/api/organisations/:id/dashboard'>;
export type Coverage = DashboardFigures['total'];
export type TodoList = ApiAnswer<'/api/todo'>;
export type ImportPreview = ApiAnswer<'POST /api/organisations/:id/imports/preview'>;
export type ImportResult = ApiAnswer<'POST /api/organisations/:id/imports'>;

export type TemplateSummary = ApiAnswer<'/api/templates'>['templates'][number];
export type TemplateVersion = TemplateSummary['latest'];
export type FulfilledRequirement = TemplateVersion['fulfilled'][number];
export type TemplateDetail = ApiAnswer<'/api/templates/:id'>;
export type AdoptionReport = ApiAnswer<'/api/templates/:id/report'>;
export type AdoptionView = NonNullable<ApiAnswer<'/api/assets/:assetId/adoption'>['adoption']>;
export type TemplateDiff = NonNullable<AdoptionView['changed']>['diff'];
export type LoweringApproval = AdoptionView['approvals'][number];

export type IdentityProvider = ApiAnswer<'/api/organisations/:id/identity-providers'>['providers'][number];
export type SsoProviderList = ApiAnswer<'/api/sso/providers'>;
export type SignerTrust = Verification['trust'];
/** A tab on an assessment, as its live route's snapshot lists it (and its stream announces it). */
export type PresentPerson = Extract<ApiAnswer<'/api/assessments/:id/live'>, { people: unknown }>['people'][number];
