import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asRecord } from '../../../scoring/survey/survey-json';
import { checkFormsFolder } from '../../../server/forms/check-forms-folder';
import { classifyOk, loadContent, loadContentV2 } from './content';

const content = loadContentV2();
const calibration = (name: string) =>
  (JSON.parse(fs.readFileSync(`tests/fixtures/calibration/${name}.json`, 'utf8')) as { answers: Record<string, unknown> }).answers;
type Json = Record<string, unknown>;
const setsOf = (answers: Json) => answers.informationsmangder as Json[];

function withSet(answers: Json, change: (set: Json) => void): Json {
  const copy = structuredClone(answers);
  change(setsOf(copy)[0]!);
  return copy;
}

const matrices = () =>
  (content.form.survey.pages as unknown as { elements: Json[] }[])[1]!.elements
    .flatMap((element) => (element.templateElements as Json[] | undefined) ?? [])
    .filter((question) => question.krtsRole === 'konsekvenser');

describe('klassningsmodell and informationsklassning version 2', () => {
  it('gives every aspect texts of its own: no two of K, R, T and S share a cell text', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const matrix of matrices()) {
      for (const row of Object.values(asRecord(matrix.cells) ?? {})) {
        for (const [column, text] of Object.entries(asRecord(row) ?? {})) {
          if (column === 'ej-relevant') continue;
          const first = owner.get(String(text));
          if (first !== undefined && first !== matrix.krtsAspect) shared.push(String(text));
          owner.set(String(text), String(matrix.krtsAspect));
        }
      }
    }
    expect(owner.size).toBe(4 * 7 * 4);
    expect(shared).toEqual([]);
  });

  it('states every numeric threshold as data with a unit, and every figure in a text is one of them', () => {
    const thresholds = content.model.consequenceAreas.flatMap((area) => (area.threshold ? [area.threshold] : []));
    expect(thresholds.map((threshold) => threshold.unit)).toEqual(['procent']);
    const known = new Set(thresholds.flatMap((threshold) => threshold.levels.map((entry) => String(entry.from).replace('.', ','))));
    const texts = content.model.consequenceAreas.flatMap((area) => Object.values(area.byAspect ?? {}).flat().map((entry) => entry.text));
    const figures = texts.flatMap((text) => [...text.matchAll(/(\d+(?:,\d+)?)\s*%/g)].map((match) => match[1]!));
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.filter((figure) => !known.has(figure))).toEqual([]);
    expect(texts.filter((text) => /kronor|miljon|\skr[\s.]/.test(text))).toEqual([]);
  });

  it('moves reporting duties out of the level texts into a flag', () => {
    const lawTexts = Object.values(content.model.consequenceAreas.find((area) => area.id === 'lag-och-avtal')?.byAspect ?? {}).flat();
    expect(lawTexts.filter((entry) => /anmäl/i.test(entry.text))).toEqual([]);
    const flag = classifyOk(content, calibration('ekonomisystem')).flags.anmalningsplikt;
    expect(flag?.value).toBe(true);
    expect(flag?.reason).toContain('Personuppgiftsincident till Integritetsskyddsmyndigheten');
    expect(flag?.reason).not.toContain('imy');
    expect(classifyOk(loadContent(), JSON.parse(fs.readFileSync('tests/fixtures/classification/lokalbokning.json', 'utf8')).answers).flags.anmalningsplikt).toBeUndefined();
  });

  describe('K1 until tried against the offentlighets- och sekretesslag', () => {
    const website = calibration('webbplats');

    it('keeps K0 for information tried and found public', () => {
      const set = classifyOk(content, website).informationSets[0]!;
      expect(set.aspects[0]).toMatchObject({ level: { label: 'K0 Försumbar' }, drivenBy: [] });
      expect(set.aspects[0]!.raisedByRule).toBeUndefined();
    });

    it('counts untried information as K1 and says why', () => {
      const untried = classifyOk(content, withSet(website, (set) => { set.offentlighetsprovad = false; }));
      expect(untried.profile.text).toBe('K1 R2 T1 S1');
      expect(untried.informationSets[0]!.aspects[0]!.raisedByRule).toMatch(/inte prövats mot offentlighets- och sekretesslagen.*K1 Måttlig/);
      const unanswered = classifyOk(content, withSet(website, (set) => { delete set.offentlighetsprovad; }));
      expect(unanswered.profile.text).toBe('K1 R2 T1 S1');
    });

    it('leaves a higher rating alone', () => {
      const rated = classifyOk(content, calibration('diarium')).informationSets[0]!.aspects[0]!;
      expect(rated.level?.level).toBe(2);
      expect(rated.raisedByRule).toBeUndefined();
    });
  });

  it('names no area as driving a level at the bottom of the scale', () => {
    const set = classifyOk(content, calibration('webbplats')).informationSets[0]!;
    expect(set.aspects.find((aspect) => aspect.aspect === 'K')?.drivenBy).toEqual([]);
  });

  describe('verksamhetskritisk from T, and from R only where R harms the operation', () => {
    const onlyPrivacy = withSet(calibration('skolplattform'), (set) => {
      set.konsekvens_r = { ...(set.konsekvens_r as Json), 'enskild-individ': 'niva-3' };
    });

    it('is not raised by an R3 that comes from harm to an individual', () => {
      const result = classifyOk(content, onlyPrivacy);
      expect(result.profile.text).toBe('K2 R3 T2 S1');
      expect(result.flags.verksamhetskritisk).toEqual({
        value: false,
        reason: 'Ingen av T når nivå 3; R når inte nivå 3 genom Verksamhet och uppdrag, Ekonomi, Liv och hälsa, Annan part och samhälle.',
      });
    });

    it('is raised by an R3 in the operation, naming the area', () => {
      const operational = withSet(onlyPrivacy, (set) => { set.konsekvens_r = { ...(set.konsekvens_r as Json), verksamhet: 'niva-3' }; });
      expect(classifyOk(content, operational).flags.verksamhetskritisk).toEqual({
        value: true,
        reason: 'R3 Allvarlig genom Verksamhet och uppdrag når nivå 3 eller högre.',
      });
    });

    it('is raised by T3', () => {
      expect(classifyOk(content, calibration('lonesystem')).flags.verksamhetskritisk).toEqual({ value: true, reason: 'T3 Allvarlig når nivå 3 eller högre.' });
    });
  });

  it('lists other laws named in free text, once each and without blanks', () => {
    const answers = structuredClone(calibration('bygglov'));
    answers.annat_lagrum = [{ namn: 'Plan- och bygglagen (2010:900)' }, { namn: '  ' }, { namn: 'Plan- och bygglagen (2010:900)' }, { namn: 'Kommunallagen (2017:725)' }];
    expect(classifyOk(content, answers).otherLagrum).toEqual(['Plan- och bygglagen (2010:900)', 'Kommunallagen (2017:725)']);
    expect(classifyOk(loadContent(), JSON.parse(fs.readFileSync('tests/fixtures/classification/lokalbokning.json', 'utf8')).answers).otherLagrum).toBeUndefined();
  });
});

const inSet = (survey: { pages: { elements: Json[] }[] }, name: string) =>
  (survey.pages[1]!.elements[1]!.templateElements as Json[]).find((question) => question.name === name)!;

describe('forms:check keeps the questionnaire in step with its model', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function editedV2(edit: (survey: { pages: { elements: Json[] }[] }) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-'));
    temps.push(dir);
    fs.cpSync('forms', dir, { recursive: true });
    const file = path.join(dir, 'informationsklassning', 'v2.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { survey: { pages: { elements: Json[] }[] } };
    edit(json.survey);
    fs.writeFileSync(file, JSON.stringify(json));
    return dir;
  }

  it('refuses a cell text that differs from the model', () => {
    const dir = editedV2((survey) => {
      ((inSet(survey, 'konsekvens_t').cells as Json).ekonomi as Json)['niva-2'] = 'Ett annat ord.';
    });
    expect(checkFormsFolder(dir).problems).toEqual([
      expect.objectContaining({ field: 'survey.informationsmangder.konsekvens_t.cells.ekonomi.niva-2', message: expect.stringContaining('T level 2') }),
    ]);
  });

  it('refuses a motivation rule other than the model’s', () => {
    const dir = editedV2((survey) => {
      const motivation = inSet(survey, 'motivering_k');
      motivation.requiredIf = String(motivation.requiredIf).replaceAll("['niva-2', 'niva-3']", "['niva-3']");
    });
    expect(checkFormsFolder(dir).problems).toEqual([
      expect.objectContaining({ field: 'survey.informationsmangder.motivering_k.requiredIf', message: expect.stringContaining('from 2') }),
    ]);
  });
});
