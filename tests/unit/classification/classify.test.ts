import { describe, expect, it } from 'vitest';
import { classify } from '../../../scoring/classification/classify';
import { classifyOk, loadContent } from './content';

const content = loadContent();
const set = (extra: Record<string, unknown>) => ({ informationsmangder: [{ namn: 'A', ...extra }] });
const aspectOf = (answers: unknown, code: string) => classifyOk(content, answers).informationSets[0]!.aspects.find((aspect) => aspect.aspect === code)!;

describe('classify: one informationsmängd', () => {
  it.each([
    ['no ratings → ej bedömd (null), never 0', {}, null, []],
    ['only "ej relevant" → level 0, nothing drives it', { konsekvens_k: { ekonomi: 'ej-relevant' } }, 0, []],
    ['the maximum decides', { konsekvens_k: { ekonomi: 'niva-1', verksamhet: 'niva-3', fortroende: 'niva-2' } }, 3, ['verksamhet']],
    ['every area at the maximum drives it', { konsekvens_k: { ekonomi: 'niva-2', fortroende: 'niva-2', verksamhet: 'ej-relevant' } }, 2, ['ekonomi', 'fortroende']],
    ['synnerligen allvarlig gives level 4 whatever the ratings', { konsekvens_k: { ekonomi: 'niva-1' }, sakerhetsskydd: true, synnerligen_allvarlig: ['k'] }, 4, []],
  ])('%s', (_, answers, level, areas) => {
    const aspect = aspectOf(set(answers), 'K');
    expect(aspect.level?.level ?? null).toBe(level);
    expect(aspect.drivenBy.map((area) => area.id)).toEqual(areas);
  });

  it('names a level with its aspect, number and scale name', () => {
    expect(aspectOf(set({ konsekvens_r: { ekonomi: 'niva-3' } }), 'R').level).toEqual({ level: 3, name: 'Allvarlig', label: 'R3 Allvarlig' });
  });
});

describe('classify: the object', () => {
  it('takes the maximum over informationsmängder and names the driving ones', () => {
    const result = classifyOk(content, {
      informationsmangder: [
        { namn: 'B', konsekvens_t: { verksamhet: 'niva-2' } },
        { namn: 'A', konsekvens_t: { ekonomi: 'niva-2' } },
        { namn: 'C', konsekvens_t: { ekonomi: 'niva-1' } },
      ],
    });
    const t = result.profile.aspects.find((aspect) => aspect.aspect === 'T')!;
    expect(t.level?.label).toBe('T2 Betydande');
    expect(t.drivenBy).toEqual([
      { informationSet: 'A', areas: [{ id: 'ekonomi', name: 'Ekonomi' }] },
      { informationSet: 'B', areas: [{ id: 'verksamhet', name: 'Verksamhet och uppdrag' }] },
    ]);
    expect(result.profile.text).toBe('K– R– T2 S–');
  });

  it.each([
    ['a raise above the computed level applies', 'niva-3', 3, true],
    ['a raise below the computed level does not lower it', 'niva-1', 2, false],
  ])('%s', (_, raise, level, applied) => {
    const result = classifyOk(content, { ...set({ konsekvens_r: { ekonomi: 'niva-2' } }), hojning_r: raise, hojning_r_motivering: 'Aggregering.' });
    const r = result.profile.aspects.find((aspect) => aspect.aspect === 'R')!;
    expect(r.level?.level).toBe(level);
    expect(r.computed?.level).toBe(2);
    expect(r.raise?.applied).toBe(applied);
  });

  it.each([
    ['R3 → verksamhetskritisk and riskanalys', { konsekvens_r: { ekonomi: 'niva-3' } }, { verksamhetskritisk: true, riskanalysRekommenderas: true, sarskildAnalys: false }],
    ['K3 → riskanalys only', { konsekvens_k: { ekonomi: 'niva-3' } }, { verksamhetskritisk: false, riskanalysRekommenderas: true, sarskildAnalys: false }],
    ['T2 → nothing', { konsekvens_t: { ekonomi: 'niva-2' } }, { verksamhetskritisk: false, riskanalysRekommenderas: false, sarskildAnalys: false }],
    ['level 4 → särskild analys', { sakerhetsskydd: true, synnerligen_allvarlig: ['s'] }, { verksamhetskritisk: false, riskanalysRekommenderas: true, sarskildAnalys: true }],
  ])('flags: %s', (_, answers, flags) => {
    const result = classifyOk(content, set(answers));
    expect(result.flags.verksamhetskritisk.value).toBe(flags.verksamhetskritisk);
    expect(result.flags.riskanalysRekommenderas.value).toBe(flags.riskanalysRekommenderas);
    expect(result.flags.sarskildAnalys.value).toBe(flags.sarskildAnalys);
  });

  it('marks personal data and suggests GDPR until it is ticked', () => {
    const marked = classifyOk(content, set({ personuppgifter: ['kansliga', 'barn'] }));
    expect(marked.personalDataCategories).toEqual(['kansliga', 'barn']);
    expect(marked.flags.kansligaPersonuppgifter.value).toBe(true);
    expect(marked.suggestedLagrum.map((entry) => entry.id)).toEqual(['gdpr']);
    const ticked = classifyOk(content, { ...set({ personuppgifter: ['vanliga'] }), lagrum: ['gdpr', 'osl'] });
    expect(ticked.suggestedLagrum).toEqual([]);
    expect(ticked.lagrum.map((entry) => entry.name)).toEqual(['Dataskyddsförordningen (GDPR) och dataskyddslagen', 'Offentlighets- och sekretesslagen (OSL)']);
    expect(classifyOk(content, set({ personuppgifter: ['none'] })).flags.personuppgifter.value).toBe(false);
  });
});

const missing = (answers: unknown) => classifyOk(content, answers).completeness.missing.map((entry) => entry.field);

describe('classify: completeness', () => {
  it('asks for at least one informationsmängd', () => {
    expect(missing({})).toContain('informationsmangder');
  });

  it('lists each unrated area and the motivation from level 2', () => {
    const fields = missing(set({ konsekvens_k: { ekonomi: 'niva-2' } }));
    expect(fields).toContain('informationsmangder[0].konsekvens_k.verksamhet');
    expect(fields).not.toContain('informationsmangder[0].konsekvens_k.ekonomi');
    expect(fields).toContain('informationsmangder[0].motivering_k');
    expect(missing(set({ konsekvens_k: { ekonomi: 'niva-1' } }))).not.toContain('informationsmangder[0].motivering_k');
  });

  it('asks for a raise motivation and for samhällsviktig when verksamhetskritisk', () => {
    const fields = missing({ ...set({}), hojning_t: 'niva-3' });
    expect(fields).toContain('hojning_t_motivering');
    expect(fields).toContain('samhallsviktig');
  });

  it('does not ask for ratings of an aspect marked synnerligen allvarlig', () => {
    const fields = missing(set({ sakerhetsskydd: true, synnerligen_allvarlig: ['k'] }));
    expect(fields.some((field) => field.includes('konsekvens_k'))).toBe(false);
    expect(fields).toContain('informationsmangder[0].konsekvens_r.ekonomi');
  });
});

describe('classify: answers that do not fit the form', () => {
  it('returns every offending field as a value', () => {
    const outcome = classify(content.model, content.form, {
      okand: 1,
      lagrum: ['gdpr', 'pul'],
      informationsmangder: [{ konsekvens_k: { ekonomi: 'niva-9', okant: 'niva-1' } }],
    }, content.lagrum);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors.map((error) => error.field)).toEqual([
      'okand',
      'lagrum[1]',
      'informationsmangder[0].konsekvens_k.ekonomi',
      'informationsmangder[0].konsekvens_k.okant',
    ]);
  });
});
