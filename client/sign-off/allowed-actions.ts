import type { Approval, Assessment, Membership, Organisation, Role } from '../contract/api-types';

export type SignOffAction = 'submit' | 'ready' | 'advise' | 'exemption' | 'decide' | 'return';

/**
 * Who may take each step, as server/auth/permissions.ts says. The client only uses it to offer
 * the actions that would not be refused; the server decides every request again.
 */
const actionRoles: Record<SignOffAction, readonly Role[]> = {
  submit: ['admin', 'isam', 'objektledare', 'dso'],
  ready: ['objektledare'],
  advise: ['dso'],
  exemption: ['dso'],
  decide: ['beslutsfattare'],
  return: ['admin', 'isam', 'objektledare', 'dso', 'beslutsfattare'],
};

/**
 * The roles the user holds in an organisation: a role held in an organisation also holds in every
 * organisation below it, so walk up the parents the user can see.
 */
export function rolesIn(organisationId: string, memberships: readonly Membership[], organisations: readonly Pick<Organisation, 'id' | 'parentId'>[]): Set<Role> {
  const parents = new Map(organisations.map((organisation) => [organisation.id, organisation.parentId]));
  const roles = new Set<Role>();
  const seen = new Set<string>();
  for (let current: string | null | undefined = organisationId; current && !seen.has(current); current = parents.get(current)) {
    seen.add(current);
    for (const membership of memberships) if (membership.organisationId === current) roles.add(membership.role);
  }
  return roles;
}

/** The DSO's advice that counts now (a later one replaces an earlier; a return withdraws it). */
export function currentAdvice(approvals: readonly Approval[]): Approval | null {
  return approvals.filter((approval) => approval.step === 'dso_advice' && !approval.withdrawnAt).at(-1) ?? null;
}

/** Where the sign-off stands, for the "next step" line. */
export type SignOffStage = 'utkast' | 'classification' | 'screening' | 'screeningExemption' | 'dpiaAdvice' | 'dpiaDecision' | 'faststalld';

/** What the sign-off reads of an assessment; the result only matters for a screening. */
type Under = Pick<Assessment, 'kind' | 'status'> & Partial<Pick<Assessment, 'result'>>;

/** A screening that claims an exemption: the DSO decides it (again, if they wish) while it is under review. */
function claimsExemption(assessment: Under): boolean {
  const exemptions = assessment.result?.['exemptions'];
  return Array.isArray(exemptions) && exemptions.length > 0;
}

/** A screening whose claimed exemption the DSO has not yet decided: nobody may fastställa it. */
function awaitsExemptionDecision(assessment: Under): boolean {
  return assessment.kind === 'dpia-screening' && assessment.result?.['dsoDecisionNeeded'] === true;
}

export function signOffStage(assessment: Under, approvals: readonly Approval[]): SignOffStage {
  if (assessment.status === 'utkast') return 'utkast';
  if (assessment.status === 'faststalld') return 'faststalld';
  if (assessment.kind === 'classification') return 'classification';
  if (assessment.kind === 'dpia-screening') return awaitsExemptionDecision(assessment) ? 'screeningExemption' : 'screening';
  return currentAdvice(approvals) ? 'dpiaDecision' : 'dpiaAdvice';
}

/** The actions the user's roles allow in the assessment's current state, in the order offered. */
export function allowedActions(assessment: Under, roles: ReadonlySet<Role>, approvals: readonly Approval[]): SignOffAction[] {
  const may = (action: SignOffAction) => actionRoles[action].some((role) => roles.has(role));
  const actions: SignOffAction[] = [];
  if (assessment.status === 'utkast') {
    if (may('submit')) actions.push('submit');
    return actions;
  }
  if (assessment.status !== 'for_granskning') return actions;
  const active = approvals.filter((approval) => !approval.withdrawnAt);
  if (assessment.kind === 'classification' && may('ready') && !active.some((approval) => approval.step === 'ready')) actions.push('ready');
  if (assessment.kind === 'dpia' && may('advise')) actions.push('advise');
  if (assessment.kind === 'dpia-screening' && claimsExemption(assessment) && may('exemption')) actions.push('exemption');
  // A DPIA is decided only after the DSO's advice (art. 35.2); a claimed exemption only after the DSO has decided it.
  if (may('decide') && (assessment.kind !== 'dpia' || currentAdvice(approvals)) && !awaitsExemptionDecision(assessment)) actions.push('decide');
  if (may('return')) actions.push('return');
  return actions;
}
