/**
 * The API's resources as the client reads them. client/ may not import server code, so these
 * mirror the zod schemas in server/ (their OpenAPI document is at /api/openapi.json).
 */

export type Role = 'admin' | 'isam' | 'dso' | 'objektledare' | 'beslutsfattare' | 'granskare' | 'sakerhetsskyddschef';

export interface Membership {
  organisationId: string;
  organisationName: string;
  role: Role;
}

export interface Session {
  user: { id: string; email: string; name: string };
  memberships: Membership[];
  csrfToken: string;
}

export type OrganisationKind = 'kommun' | 'namnd' | 'forvaltning' | 'bolag' | 'annan';

export interface Organisation {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrganisationKind;
  isCentral: boolean;
  /** Whoever sent a round for review or marked it ready may not decide it (on unless an admin turned it off). */
  separationOfDuties: boolean;
}

export const assetTypes = ['system', 'e-tjanst', 'process', 'gruppdisk', 'annat'] as const;
export type AssetType = (typeof assetTypes)[number];
export const hostingKinds = ['egen_drift', 'kommunens_it', 'molntjanst'] as const;
export type HostingKind = (typeof hostingKinds)[number];
export const classificationStatuses = ['ej_klassad', 'pagar', 'faststalld', 'omprovning_forfaller'] as const;
export type ClassificationStatus = (typeof classificationStatuses)[number];

export type AspectCode = 'K' | 'R' | 'T' | 'S';
export type Profile = Record<AspectCode, number | null>;

export interface Asset {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  type: AssetType;
  description: string;
  informationsagare: string;
  objektagare: string;
  objektledareUserId: string | null;
  suppliers: string[];
  hosting: HostingKind | null;
  tags: string[];
  externalId: string | null;
  classificationStatus: ClassificationStatus;
  profile: Profile | null;
  nextReviewAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AssetPage {
  items: Asset[];
  total: number;
  page: number;
  pageSize: number;
}

export type AssessmentKind = 'classification' | 'dpia-screening' | 'dpia';
export type AssessmentStatus = 'utkast' | 'for_granskning' | 'faststalld';
export type Answers = Record<string, unknown>;

export interface Assessment {
  id: string;
  assetId: string;
  organisationId: string;
  kind: AssessmentKind;
  form: { id: string; version: number };
  round: number;
  previousId: string | null;
  status: AssessmentStatus;
  revision: number;
  answers: Answers;
  result: Record<string, unknown> | null;
  summary: string | null;
  missing: { field: string; message: string }[];
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

export const planStatuses = ['ej_bedomd', 'uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_tillampligt', 'risk_accepterad'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const priorities = ['hog', 'medel', 'lag'] as const;
export type Priority = (typeof priorities)[number];

export interface PlanItem {
  id: string;
  assetId: string;
  source: 'classification' | 'dpia';
  sourceKey: string;
  assessmentId: string;
  title: string;
  detail: Record<string, unknown>;
  applicable: boolean;
  status: PlanStatus;
  statusMotivation: string | null;
  riskDecidedBy: string | null;
  riskDecidedOn: string | null;
  riskValidUntil: string | null;
  ansvarig: string | null;
  priority: Priority | null;
  plannedDate: string | null;
  hur: string | null;
  hurSource: 'item' | 'organisation' | 'central' | null;
  /** The adopted template's central owner fulfils it: not editable locally. */
  fulfilledCentrally: boolean;
  evidenceUrl: string | null;
  comment: string | null;
  revision: number;
  updatedAt: string;
  /** The requirement changed since the status was set: "Kravet har ändrats — bedöm igen". */
  needsReassessment: boolean;
  /** On an item kept as history: the requirements that replaced it. */
  replacedBy: string[];
}

export type PlanItemPatch = Partial<Pick<PlanItem, 'status' | 'statusMotivation' | 'riskDecidedBy' | 'riskDecidedOn' | 'riskValidUntil' | 'ansvarig' | 'priority' | 'plannedDate' | 'hur' | 'evidenceUrl' | 'comment'>> & { baseRevision: number };

export interface HistoryEvent {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
}
