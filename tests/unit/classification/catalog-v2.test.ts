import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildActionPlan } from '../../../scoring/classification/action-plan';
import { leastMet, needsReassessment, requirementSuccessors } from '../../../scoring/classification/catalog-versions';
import { checkFormsFolder } from '../../../server/forms/check-forms-folder';
import { classifyOk, loadContent } from './content';

const v1 = loadContent('forms', undefined, { model: 2, form: 2, catalog: 1 });
const v2 = loadContent('forms', undefined, { model: 2, form: 2, catalog: 2 });
const requirement = (id: string) => v2.catalog.requirements.find((entry) => entry.id === id);
const calibration = (name: string) => (JSON.parse(fs.readFileSync(`tests/fixtures/calibration/${name}.json`, 'utf8')) as { answers: Record<string, unknown> }).answers;
const planFor = (name: string) => buildActionPlan(v2.catalog, classifyOk(v2, calibration(name))).requirements;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('kravkatalog version 2', () => {
  it('adds requirements for a ticked Skollagen', () => {
    const school = planFor('skolplattform').filter((entry) => entry.reasons.some((reason) => reason.kind === 'lagrum' && reason.lagrum.id === 'skollagen'));
    expect(school.map((entry) => entry.id).sort()).toEqual(['skol-betyg', 'skol-elevdokumentation', 'skol-elevhalsa']);
  });

  it('cites cybersäkerhetslagen (2025:1506), not NIS 2 articles, and gives solpul-atkomst its lagrum', () => {
    const cyber = v2.catalog.requirements.filter((entry) => entry.lagrum?.includes('cybersakerhetslagen'));
    expect(cyber.length).toBe(3);
    for (const entry of cyber) expect(entry.legalReferences?.every((reference) => reference.startsWith('Cybersäkerhetslagen (2025:1506)'))).toBe(true);
    expect(JSON.stringify(v2.catalog)).not.toContain('2022/2555');
    expect(requirement('solpul-atkomst')?.legalReferences).toEqual(['Lag (2001:454) om behandling av personuppgifter inom socialtjänsten, 7 §']);
  });

  it('covers controls 8.23, 8.27 and 8.30 and fixes the loose references', () => {
    const controls = new Set(v2.catalog.requirements.flatMap((entry) => entry.iso27002));
    for (const control of ['8.23', '8.27', '8.30']) expect(controls.has(control)).toBe(true);
    expect(requirement('tek-indata')?.iso27002).toEqual(['8.28']);
    expect(requirement('gdpr-inbyggt-dataskydd')?.iso27002).toEqual(['5.34', '8.11']);
    expect(requirement('osl-utlamnande')?.iso27002).toEqual(['5.31', '5.33']);
    expect(requirement('tek-kallkod')?.iso27002).toEqual(['8.4', '8.9']);
  });

  it('maps every version-1 requirement to its successors: a split, a merge, a stricter text and a removal', () => {
    const successors = requirementSuccessors(v2.catalog);
    expect(successors({ id: 'tek-maskering', version: 1 }).map((ref) => `${ref.id}@${ref.version}`).sort()).toEqual(['tek-maskering@2', 'tek-testdata@1']);
    expect(successors({ id: 'org-underleverantorer', version: 1 })).toEqual([{ id: 'org-leverantorskedja', version: 1 }]);
    expect(successors({ id: 'org-leverantorsuppfoljning', version: 1 })).toEqual([{ id: 'org-leverantorskedja', version: 1 }]);
    expect(successors({ id: 'tek-sakerhetskopiering', version: 1 })).toEqual([{ id: 'tek-sakerhetskopiering', version: 2 }]);
    expect(successors({ id: 'gdpr-sakerhetsatgarder', version: 1 })).toEqual([]);
    // Everything else keeps its id and version, so its items carry unflagged.
    const moved = new Set(['tek-maskering', 'org-underleverantorer', 'org-leverantorsuppfoljning', 'tek-sakerhetskopiering', 'gdpr-sakerhetsatgarder']);
    for (const old of v1.catalog.requirements.filter((entry) => !moved.has(entry.id))) expect(successors(old)).toEqual([{ id: old.id, version: 1 }]);
  });

  it('asks for ransomware-proof backups from T2 rather than T3', () => {
    const texts = requirement('tek-sakerhetskopiering')!.byLevel!.texts;
    expect(texts.find((text) => text.level === 2)?.arText).toContain('skyddad mot ändring och radering');
    expect(v1.catalog.requirements.find((entry) => entry.id === 'tek-sakerhetskopiering')!.byLevel!.texts.find((text) => text.level === 2)?.arText).not.toContain('skyddad mot ändring');
  });
});

describe('the baseline reflects the profile', () => {
  it('gives a public website and an HR system clearly different plans', () => {
    const website = planFor('webbplats');
    const hr = planFor('lonesystem');
    expect(website.length).toBeLessThan(hr.length * 0.6);
    const ids = new Set(website.map((entry) => entry.id));
    // Public information (K0) draws no requirement that protects confidentiality only.
    const confidentialityOnly = website.filter((entry) => entry.reasons.every((reason) => reason.kind === 'aspect' && reason.aspect === 'K'));
    expect(confidentialityOnly).toEqual([]);
    for (const id of ['org-aterlamning', 'fys-kassering', 'tek-radering', 'pers-lamplighet', 'tek-datalackage', 'tek-kryptering']) {
      expect(ids.has(id)).toBe(false);
      expect(hr.some((entry) => entry.id === id)).toBe(true);
    }
    // What the HR system's level reaches shows in the level texts too: stronger backup for T3.
    expect(hr.find((entry) => entry.id === 'tek-sakerhetskopiering')?.levelText?.level).toBe(3);
    expect(website.find((entry) => entry.id === 'tek-sakerhetskopiering')?.levelText?.level).toBe(1);
  });
});

describe('catalog version rules', () => {
  it('refuses a changed requirement text that keeps its version', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-'));
    temps.push(dir);
    fs.cpSync('forms', dir, { recursive: true });
    const file = path.join(dir, 'kravkatalog', 'v2.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { requirements: { id: string; arText: string }[] };
    const index = json.requirements.findIndex((entry) => entry.id === 'org-styrdokument');
    json.requirements[index]!.arText = 'En skärpt text med samma version.';
    fs.writeFileSync(file, JSON.stringify(json));
    expect(checkFormsFolder(dir).problems).toContainEqual(expect.objectContaining({ field: `requirements[${index}].version`, message: expect.stringContaining('keeps version 1') }));
  });

  it('merges to the least-met status and flags only a status judged against another text', () => {
    expect(leastMet(['uppfyllt', 'delvis_uppfyllt'])).toBe(1);
    expect(leastMet(['ej_tillampligt', 'uppfyllt'])).toBe(1);
    expect(leastMet(['ej_bedomd', 'ej_uppfyllt'])).toBe(1);
    expect(needsReassessment('uppfyllt', [{ id: 'a', version: 1 }], { id: 'a', version: 2 })).toBe(true);
    expect(needsReassessment('ej_bedomd', [{ id: 'a', version: 1 }], { id: 'a', version: 2 })).toBe(false);
    expect(needsReassessment('uppfyllt', [{ id: 'a', version: 2 }], { id: 'a', version: 2 })).toBe(false);
  });
});
