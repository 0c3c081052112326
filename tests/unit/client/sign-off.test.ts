import { describe, expect, it } from 'vitest';
import type { Approval, Membership, Role } from '../../../client/contract/api-types';
import { parseRoute, paths } from '../../../client/routes';
import { allowedActions, currentAdvice, rolesIn, signOffStage } from '../../../client/sign-off/allowed-actions';
import { decisionStatement } from '../../../client/sign-off/statements';
import { fileProblem } from '../../../client/verify/verify-file';
import { departsFromAdvice } from '../../../scoring/dpia/advice-decisions';

// kommun ⊃ social ⊃ ifo-enheten; skola beside social.
const organisations = [
  { id: 'kommun', parentId: null },
  { id: 'social', parentId: 'kommun' },
  { id: 'ifo', parentId: 'social' },
  { id: 'skola', parentId: 'kommun' },
];
const membership = (organisationId: string, role: Role): Membership => ({ organisationId, organisationName: organisationId, role });
const approval = (step: Approval['step'], overrides: Partial<Approval> = {}): Approval => ({
  id: `${step}-1`, step, userId: 'u', userName: 'Anna', role: 'dso', statement: 's', details: {}, revision: 1, createdAt: '2026-05-01T10:00:00Z', withdrawnAt: null, delegation: null, diarienummer: null, ...overrides,
});
const roles = (...list: Role[]) => new Set(list);

describe('the roles that hold in an organisation', () => {
  it('counts a role held above the organisation, not beside or below it', () => {
    const memberships = [membership('kommun', 'dso'), membership('social', 'beslutsfattare'), membership('skola', 'objektledare')];
    expect([...rolesIn('ifo', memberships, organisations)].sort()).toEqual(['beslutsfattare', 'dso']);
    expect([...rolesIn('kommun', memberships, organisations)]).toEqual(['dso']);
  });

  it('survives a cycle in the parent links', () => {
    expect([...rolesIn('a', [membership('b', 'isam')], [{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }])]).toEqual(['isam']);
  });
});

describe('the sign-off actions a person is offered', () => {
  const classification = { kind: 'classification' as const, status: 'for_granskning' as const };
  const dpia = { kind: 'dpia' as const, status: 'for_granskning' as const };
  const claimed = [{ id: 'skal-91', label: 'Skäl 91', motivation: 'En enskild psykolog', needsDsoDecision: true }];
  const awaiting = { kind: 'dpia-screening' as const, status: 'for_granskning' as const, result: { exemptions: claimed, dsoDecisionNeeded: true } };
  const exemptionDecided = { kind: 'dpia-screening' as const, status: 'for_granskning' as const, result: { exemptions: claimed, dsoDecisionNeeded: false } };

  it.each([
    ['objektledare sends an utkast', { kind: 'classification', status: 'utkast' }, ['objektledare'], [], ['submit']],
    ['beslutsfattare cannot send an utkast', { kind: 'classification', status: 'utkast' }, ['beslutsfattare'], [], []],
    ['objektledare marks ready or returns', classification, ['objektledare'], [], ['ready', 'return']],
    ['ready is given once per review', classification, ['objektledare'], [approval('ready')], ['return']],
    ['a withdrawn ready can be given again', classification, ['objektledare'], [approval('ready', { withdrawnAt: '2026-05-02T00:00:00Z' })], ['ready', 'return']],
    ['beslutsfattare fastställer a classification', classification, ['beslutsfattare'], [], ['decide', 'return']],
    ['the DSO advises on a DPIA', dpia, ['dso'], [], ['advise', 'return']],
    ['a DPIA waits for the advice before the decision', dpia, ['beslutsfattare'], [], ['return']],
    ['then the beslutsfattare decides', dpia, ['beslutsfattare'], [approval('dso_advice')], ['decide', 'return']],
    ['granskare only reads', classification, ['granskare'], [], []],
    ['the DSO decides a screening’s claimed exemption', awaiting, ['dso'], [], ['exemption', 'return']],
    ['a claimed exemption waits for the DSO before the decision', awaiting, ['beslutsfattare'], [], ['return']],
    ['then the beslutsfattare fastställer the screening', exemptionDecided, ['beslutsfattare'], [approval('dso_advice')], ['decide', 'return']],
    ['a screening without an exemption has nothing for the DSO to decide', { kind: 'dpia-screening', status: 'for_granskning', result: { exemptions: [], dsoDecisionNeeded: false } }, ['dso'], [], ['return']],
    ['nothing once fastställd', { kind: 'classification', status: 'faststalld' }, ['beslutsfattare', 'objektledare'], [], []],
  ] as const)('%s', (_name, assessment, held, approvals, expected) => {
    expect(allowedActions(assessment, roles(...held), approvals)).toEqual(expected);
  });

  it('names the stage, and the advice in force is the newest not withdrawn', () => {
    const old = approval('dso_advice', { id: 'old', withdrawnAt: '2026-05-02T00:00:00Z' });
    const fresh = approval('dso_advice', { id: 'fresh' });
    expect(currentAdvice([old, fresh])?.id).toBe('fresh');
    expect(currentAdvice([old])).toBeNull();
    expect(signOffStage(dpia, [old])).toBe('dpiaAdvice');
    expect(signOffStage(dpia, [old, fresh])).toBe('dpiaDecision');
    expect(signOffStage({ kind: 'dpia-screening', status: 'for_granskning' }, [])).toBe('screening');
    expect(signOffStage(awaiting, [])).toBe('screeningExemption');
    expect(signOffStage(exemptionDecided, [])).toBe('screening');
  });
});

describe('a decision that departs from the DSO advice', () => {
  it.each([
    ['tillstyrker', 'godkann', false],
    ['tillstyrker', 'stoppas', true],
    ['tillstyrker-med-villkor', 'godkann', true],
    ['tillstyrker-med-villkor', 'godkann-med-villkor', false],
    ['avstyrker', 'godkann', true],
    ['avstyrker', 'stoppas', false],
  ] as const)('advice %s, decision %s → departs %s', (advice, decision, departs) => {
    expect(departsFromAdvice(advice, decision)).toBe(departs);
  });

  it('does not depart before both are known', () => {
    expect(departsFromAdvice(null, 'godkann')).toBe(false);
    expect(departsFromAdvice('avstyrker', null)).toBe(false);
  });
});

describe('statements and the verify page', () => {
  it('states the decision in Swedish, naming the asset', () => {
    expect(decisionStatement('classification', 'Ekonomisystemet')).toContain('fastställer som beslutsfattare informationsklassningen av Ekonomisystemet');
    expect(decisionStatement('dpia', 'Hemtjänst')).toContain('dataskyddsombudets råd');
  });

  it('refuses a file that is not a PDF before sending it', () => {
    expect(fileProblem(new TextEncoder().encode('%PDF-1.7\n'))).toBeNull();
    expect(fileProblem(new TextEncoder().encode('<html>'))).toBe('not-pdf');
  });

  it('routes /verifiera', () => {
    expect(parseRoute('/verifiera')).toEqual({ name: 'verify' });
    expect(parseRoute(paths.verify())).toEqual({ name: 'verify' });
  });
});
