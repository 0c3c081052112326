import { describe, expect, it } from 'vitest';
import { buildActionPlan } from '../../../scoring/classification/action-plan';
import { checkFormsFolder } from '../../../server/forms/check-forms-folder';
import { classifyOk, fixtureDir, loadContent } from './content';

const folder = `${fixtureDir}/alternativ-modell`;
const own = loadContent(folder, { model: 'enkel-modell', form: 'enkel-klassning', catalog: 'enkel-katalog', lagrum: 'enkel-lagrum' });
const shipped = loadContent();

describe('an organisation’s own model and catalog, with no code change', () => {
  it('passes forms:check', () => {
    expect(checkFormsFolder(folder).problems).toEqual([]);
  });

  it('scores with its own aspects, scale names and thresholds', () => {
    const result = classifyOk(own, { mangder: [{ rubrik: 'Register', m_k: { drift: 'l1', integritet: 'na' }, m_t: { drift: 'l2' } }], regler: ['egen'] });
    expect(result.profile.text).toBe('K1 T2');
    expect(result.scale).toEqual({ id: 'tregradig', version: 2, name: 'Egen skala' });
    expect(result.profile.aspects[1]?.level?.label).toBe('T2 Hög');
    // The model says T ≥ 2 is critical and 2 calls for risk analysis; the default model says 3.
    expect(result.flags.verksamhetskritisk.value).toBe(true);
    expect(result.flags.riskanalysRekommenderas.value).toBe(true);
    // The model asks for a motivation only from level 3.
    expect(result.completeness.missing.map((entry) => entry.field)).not.toContain('mangder[0].mot_t');
    const plan = buildActionPlan(own.catalog, result);
    expect(plan.requirements.map((requirement) => requirement.id)).toEqual(['grund', 'reserv', 'lokal']);
    expect(plan.requirements[2]?.reasons).toEqual([{ kind: 'lagrum', lagrum: { id: 'egen-regel', name: 'Egen regel' }, text: 'Lagrum: Egen regel.' }]);
  });

  it('differs from the shipped model on the same judgement', () => {
    const shippedResult = classifyOk(shipped, { informationsmangder: [{ namn: 'Register', konsekvens_k: { verksamhet: 'niva-1' }, konsekvens_t: { verksamhet: 'niva-2' } }] });
    expect(shippedResult.profile.text).toBe('K1 R– T2 S–');
    expect(shippedResult.flags.verksamhetskritisk.value).toBe(false);
  });
});
