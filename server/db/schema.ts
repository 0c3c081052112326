import type { Generated } from 'kysely';
import type { ApprovalStep, AssessmentKind, AssessmentStatus, OrganisationKind, PlanStatus as PlanItemStatus, Priority, Role } from '../../scoring/enumerations';

/**
 * The tables as Kysely sees them; each migration that adds a table adds its interface here. JSON
 * columns are text. The types hold on both engines: a flag (number) is 0/1 on SQLite and a boolean
 * on PostgreSQL read back as 1/0, an instant (string) ISO 8601 text on SQLite and a timestamptz on
 * PostgreSQL read back as that text (server/db/postgres-types.ts, migration 027).
 */
export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  assets: AssetsTable;
  assessments: AssessmentsTable;
  assessment_revisions: AssessmentRevisionsTable;
  plan_items: PlanItemsTable;
  requirement_defaults: RequirementDefaultsTable;
  approvals: ApprovalsTable;
  special_analyses: SpecialAnalysesTable;
  protocols: ProtocolsTable;
  review_confirmations: ReviewConfirmationsTable;
  templates: TemplatesTable;
  template_versions: TemplateVersionsTable;
  template_adoptions: TemplateAdoptionsTable;
  lowering_approvals: LoweringApprovalsTable;
  rate_limits: RateLimitsTable;
  published_form_files: PublishedFormFilesTable;
  identity_providers: IdentityProvidersTable;
  sso_identities: SsoIdentitiesTable;
  sso_login_requests: SsoLoginRequestsTable;
  sso_consumed_assertions: SsoConsumedAssertionsTable;
  sso_sessions: SsoSessionsTable;
  assessment_changes: AssessmentChangesTable;
  approval_withdrawals: ApprovalWithdrawalsTable;
  audit_checkpoints: AuditCheckpointsTable;
  soa_justifications: SoaJustificationsTable;
  plan_item_events: PlanItemEventsTable;
  lg_statements: LgStatementsTable;
  plan_catalog_moves: PlanCatalogMovesTable;
  protocol_timestamps: ProtocolTimestampsTable;
  review_confirmation_timestamps: ReviewConfirmationTimestampsTable;
  plan_tallies: PlanTalliesTable;
  asset_plan_tallies: AssetPlanTalliesTable;
  plan_year_ends: PlanYearEndsTable;
}

// The enumerations the client shares are defined once, in scoring/enumerations.ts.
export type { ApprovalStep, AssessmentKind, AssessmentStatus, OrganisationKind, PlanItemStatus, Priority, Role };

export interface OrganisationsTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: OrganisationKind;
  is_central: Generated<number>;
  created_at: string;
  /** Months between classification reviews; null inherits from the organisation above. */
  review_interval_months: number | null;
  /** Annual budget in kronor, the basis of the model's economic thresholds; null when not given. */
  annual_budget_sek: number | null;
  /** 1: whoever sent a round for review or marked it ready may not decide it (the default); 0: they may, and the protocol says so. */
  separation_of_duties: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_active: Generated<number>;
  created_at: string;
  password_changed_at: string;
}

export interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: Role;
  granted_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_user_id: string | null;
  organisation_id: string | null;
  asset_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface AssetsTable {
  id: string;
  organisation_id: string;
  name: string;
  type: string;
  description: Generated<string>;
  informationsagare: Generated<string>;
  objektagare: Generated<string>;
  objektledare_user_id: string | null;
  suppliers: Generated<string>;
  hosting: string | null;
  tags: Generated<string>;
  external_id: string | null;
  archived_at: string | null;
  classification_status: Generated<'ej_klassad' | 'pagar' | 'faststalld'>;
  /** JSON `{ K, R, T, S }` of the latest scored classification, levels or null. */
  profile: string | null;
  next_review_at: string | null;
  created_at: string;
  updated_at: string;
  /** Swedish sort key of the name (server/text/swedish-keys.ts): ASCII, so SQLite's binary and PostgreSQL's "C" order agree. */
  sort_key: string;
  /** Name, description, tags, suppliers and external id, folded for search (server/text/swedish-keys.ts). */
  search_key: string;
  /** The asset's rounds as the dashboard and Ledningens genomgång count them, kept by server/assets/round-summary-store.ts. */
  first_started_at: string | null;
  first_decided_at: string | null;
  /** The newest screening's outcome ('okand' while it has none); null without a screening. */
  screening_outcome: string | null;
  /** The newest DPIA round's status, whether it requires prior consultation, and its next review; null without a DPIA. */
  dpia_status: AssessmentStatus | null;
  dpia_prior_consultation: Generated<number>;
  dpia_next_review_at: string | null;
}

export interface AssessmentsTable {
  id: string;
  asset_id: string;
  kind: AssessmentKind;
  form_id: string;
  form_version: number;
  round: number;
  previous_id: string | null;
  status: AssessmentStatus;
  revision: number;
  answers: string;
  result: string | null;
  /** One line for lists and the audit trail: "K2 R3 T2 S1", "Krävs". */
  summary: string | null;
  /** JSON list of `{ field, message }`: what must be answered before it can go for review. */
  missing: Generated<string>;
  /** Classification only: JSON `{ K, R, T, S }`. */
  profile: string | null;
  /** SHA-256 of the plan entries last synced, so an autosave that leaves the plan as it was skips the sync. */
  plan_hash: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  /** When a review last confirmed it unchanged. */
  reviewed_at: string | null;
  /** Set on the newest fastställd round of a classification or DPIA: when it is due for review. */
  next_review_at: string | null;
}

export interface AssessmentRevisionsTable {
  assessment_id: string;
  revision: number;
  changed: string;
  saved_by: string;
  saved_at: string;
}

/** One change to one question path (JSON array) in one revision; values are JSON text, null when unanswered. */
export interface AssessmentChangesTable {
  assessment_id: string;
  revision: number;
  seq: number;
  path: string;
  op: 'set' | 'insert' | 'remove' | 'move';
  previous_value: string | null;
  new_value: string | null;
  changed_by: string;
  changed_at: string;
}

export interface PlanItemsTable {
  id: string;
  asset_id: string;
  source: 'classification' | 'dpia';
  source_key: string;
  assessment_id: string;
  title: string;
  detail: string;
  applicable: Generated<number>;
  status: PlanItemStatus;
  status_motivation: string | null;
  risk_decided_by: string | null;
  risk_decided_on: string | null;
  risk_valid_until: string | null;
  ansvarig: string | null;
  priority: Priority | null;
  planned_date: string | null;
  hur: string | null;
  evidence_url: string | null;
  comment: string | null;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
  /** Set while an adopted template says the central owner fulfils the requirement: how it does. */
  central_hur: string | null;
  /** Classification: the version of the requirement the item now shows. */
  requirement_version: number | null;
  /** Classification: JSON list of `{ id, version }`, the requirement(s) the status was judged against. */
  assessed_against: string | null;
  /** JSON list of the requirement ids that replaced this item's requirement in a newer catalog. */
  replaced_by: string | null;
}

/** One change of a plan item: its state before and after as JSON (status, ansvarig, dates, applicability). */
export interface PlanItemEventsTable {
  id: string;
  plan_item_id: string;
  asset_id: string;
  changed_at: string;
  /** Null when Sigill made the change (a new result, a catalog move) rather than a person. */
  changed_by: string | null;
  change: 'recorded' | 'created' | 'edited' | 'requirement_changed' | 'carried' | 'not_applicable' | 'applicable_again';
  from_state: string | null;
  to_state: string;
}

/** An asset's plan moved to a newer requirement catalog; counts is JSON `{ carried, added, noLongerApplicable }`. */
export interface PlanCatalogMovesTable {
  id: string;
  asset_id: string;
  catalog_id: string;
  from_version: number;
  to_version: number;
  counts: string;
  moved_by: string;
  moved_at: string;
}

/** The ISAM's own section of a year's Ledningens genomgång. */
export interface LgStatementsTable {
  organisation_id: string;
  year: number;
  conclusions: string;
  proposed_actions: string;
  revision: number;
  updated_by: string;
  updated_at: string;
}

export interface RequirementDefaultsTable {
  organisation_id: string;
  requirement_id: string;
  hur: string;
  updated_at: string;
}

/** Säkerhetsskydd (migration 020): where a level-4 classification's separate analysis is kept, never its content. */
export interface SpecialAnalysesTable {
  id: string;
  assessment_id: string;
  reference: string;
  user_id: string;
  /** The name as it was when recorded. */
  user_name: string;
  recorded_at: string;
}


export interface ApprovalsTable {
  id: string;
  assessment_id: string;
  step: ApprovalStep;
  user_id: string;
  /** The name as it was when they approved: the record must not change with a later rename. */
  user_name: string;
  role: Role;
  statement: string;
  /** JSON: the DSO's advice, the decision and its reasons, a return's reason. */
  details: Generated<string>;
  revision: number;
  created_at: string;
  /** A decision only (migration 017): the delegation it was taken under and the case's diarienummer. */
  delegation: string | null;
  diarienummer: string | null;
}

/** An approval that no longer counts (the assessment went back to utkast, or the DSO advised anew): a row of its own, the approval stays as given. */
export interface ApprovalWithdrawalsTable {
  approval_id: string;
  withdrawn_at: string;
  cause: 'returned' | 'new_advice';
}

/** The audit chain's head signed with the seal key (see server/audit/checkpoints.ts). */
export interface AuditCheckpointsTable {
  id: string;
  seq: number;
  hash: string;
  at: string;
  reason: 'protocol' | 'review_confirmation' | 'daily';
  /** Base64 signature over the canonical JSON `{ seq, hash, at }`. */
  signature: string;
  /** The seal certificate that signed, DER as base64. */
  certificate: string;
}

export interface ProtocolsTable {
  id: string;
  assessment_id: string;
  asset_id: string;
  version: number;
  file_name: string;
  pdf: Uint8Array;
  size: number;
  /** SHA-256 of the sealed file as stored and served. */
  sha256: string;
  /** SHA-256 over the signature's byte ranges: finds the protocol a modified copy came from. */
  signed_digest: string;
  /** SHA-256 of the canonical JSON the protocol was rendered from, printed on its last page. */
  content_sha256: string;
  seal_fingerprint: string;
  development_seal: number;
  sealed_at: string;
  /** The audit chain's head when it was sealed, also printed in the signed PDF; null before migration 008. */
  audit_head_seq: number | null;
  audit_head_hash: string | null;
}

/** A protocol's proof of time (migration 018); one row per protocol at most. */
export interface ProtocolTimestampsTable {
  protocol_id: string;
  kind: 'signature' | 'document';
  time: string;
  authority: string;
  /** A document timestamp's incremental update, served after the sealed bytes; null for a signature timestamp. */
  update_pdf: Uint8Array | null;
  /** SHA-256 of the file as served with it: the sealed bytes, then the update. */
  sha256: string;
  created_at: string;
}

export interface ReviewConfirmationsTable {
  id: string;
  assessment_id: string;
  asset_id: string;
  user_id: string;
  user_name: string;
  role: Role;
  statement: string;
  confirmed_at: string;
  next_review_at: string;
  file_name: string;
  pdf: Uint8Array;
  sha256: string;
  content_sha256: string;
  development_seal: number;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
}

export interface TemplatesTable {
  id: string;
  /** The central organisation that publishes it; visible to every organisation below. */
  organisation_id: string;
  source_asset_id: string;
  created_by: string;
  created_at: string;
  /** Swedish sort key of the newest version's name (server/text/swedish-keys.ts). */
  sort_key: string;
  /** The newest version's name, description and informationsmängder, folded for search. */
  search_key: string;
}

export interface TemplateVersionsTable {
  id: string;
  template_id: string;
  version: number;
  name: string;
  description: string;
  source_assessment_id: string;
  form_id: string;
  form_version: number;
  /** JSON: the fastställd answers an adoption starts from. */
  answers: string;
  /** JSON LevelSnapshot (scoring/classification/template-floor.ts): profile and per-informationsmängd levels. */
  levels: string;
  profile_text: string;
  lowering_policy: 'never' | 'with_approval';
  /** Whose informationsägare (beslutsfattare) approves a lowering; null when lowering is never allowed. */
  lowering_approver: 'central' | 'local' | null;
  /** JSON list of `{ requirementId, title, hur }` the central owner fulfils for everyone. */
  fulfilled: string;
  published_by: string;
  published_at: string;
}

export interface TemplateAdoptionsTable {
  id: string;
  template_id: string;
  template_version_id: string;
  asset_id: string;
  /** A newer version published since: "mallen har ändrats" until the local owner reviews it. */
  pending_version_id: string | null;
  /** JSON `{ K: "why lower" }`: the motivation of each lowering. */
  motivations: Generated<string>;
  adopted_by: string;
  adopted_at: string;
  reviewed_at: string | null;
}

export interface LoweringApprovalsTable {
  id: string;
  assessment_id: string;
  template_version_id: string;
  aspect: string;
  template_level: number | null;
  local_level: number | null;
  motivation: string;
  user_id: string;
  user_name: string;
  role: Role;
  statement: string;
  created_at: string;
}

/** One abuse limit's counter for one subject, in a fixed window that ends at resets_at. */
export interface RateLimitsTable {
  key: string;
  points: number;
  resets_at: string;
}

/** The content hash of a published form version, recorded at the first start that saw it (issue 13). */
export interface PublishedFormFilesTable {
  form_id: string;
  version: number;
  /** The file's path relative to the forms folder, to name it when it changes. */
  file: string;
  sha256: string;
  recorded_at: string;
}

export type SsoProtocol = 'oidc' | 'saml';

export interface IdentityProvidersTable {
  id: string;
  organisation_id: string;
  protocol: SsoProtocol;
  display_name: string;
  enabled: Generated<number>;
  /** JSON of the protocol's settings (issuer, client id, scopes… or entry point, certificate…); never the secret. */
  settings: string;
  /** OIDC client secret, encrypted at rest (server/sso/secret-box.ts); write-only through the API. */
  client_secret: string | null;
  /** JSON list of `{ value, organisationId, role }`: a group or claim value and the role it gives. */
  role_mappings: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface SsoIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  /** The provider that linked it last. */
  provider_id: string;
  /** What vouches for the issuer: the OIDC issuer URL (discovery binds the token to it) or the SAML signing certificate's hash. */
  trust_anchor: string;
  created_at: string;
  last_login_at: string;
}

export interface SsoLoginRequestsTable {
  /** OIDC: the state; SAML: the AuthnRequest ID. */
  id: string;
  provider_id: string;
  /** Hash of the value in the browser's login cookie (OIDC): the callback must come back to the browser that started. */
  browser_hash: string | null;
  nonce: string | null;
  code_verifier: string | null;
  /** The page (a path on this site) the person was on when the login started. */
  return_to: string | null;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface SsoConsumedAssertionsTable {
  provider_id: string;
  assertion_id: string;
  expires_at: string;
}

export interface SsoSessionsTable {
  session_token_hash: string;
  provider_id: string;
  id_token: string | null;
  name_id: string | null;
  name_id_format: string | null;
  session_index: string | null;
}

/** The ISAM's justification of a control in the organisation's tillämpningsförklaring. */
export interface SoaJustificationsTable {
  organisation_id: string;
  control_id: string;
  justification: string;
  updated_by: string;
  updated_at: string;
}

/** A review confirmation's proof of time (migration 024), as ProtocolTimestampsTable is a protocol's. */
export interface ReviewConfirmationTimestampsTable {
  confirmation_id: string;
  kind: 'signature' | 'document';
  time: string;
  authority: string;
  update_pdf: Uint8Array | null;
  sha256: string;
  created_at: string;
}

/** Counts per organisation of its non-archived assets' applicable plan items (server/plans/plan-tally.ts); '' where a key part does not apply. */
export interface PlanTalliesTable {
  organisation_id: string;
  measure: 'items' | 'planned' | 'accepted';
  day: string;
  status: string;
  priority: string;
  n: number;
}

/** An organisation's handlingsplaner at the end of a year that has ended (server/reports/plan-year-end-store.ts), as JSON figures. */
export interface PlanYearEndsTable {
  organisation_id: string;
  year: number;
  figures: string;
  counted_at: string;
}

/** What each asset last added to plan_tallies, as JSON counts by key: a write applies only the difference. */
export interface AssetPlanTalliesTable {
  asset_id: string;
  organisation_id: string;
  tally: string;
}
