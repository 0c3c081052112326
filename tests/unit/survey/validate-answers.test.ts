import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../scoring/survey';

const survey = {
  calculatedValues: [{ name: 'summa', expression: '1', includeIntoResult: true }],
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'namn' },
        { type: 'text', name: 'antal', inputType: 'number' },
        { type: 'comment', name: 'beskrivning' },
        { type: 'boolean', name: 'aktiv' },
        { type: 'boolean', name: 'janej', valueTrue: 'ja', valueFalse: 'nej' },
        { type: 'radiogroup', name: 'typ', choices: ['system', { value: 'e-tjanst', text: 'E-tjänst' }, 'annat|Annat'], showOtherItem: true },
        { type: 'dropdown', name: 'niva', choices: [1, 2, 3] },
        { type: 'checkbox', name: 'lagrum', choices: ['gdpr', 'osl'], showNoneItem: true },
        { type: 'tagbox', name: 'taggar', choices: ['a', 'b'] },
        { type: 'rating', name: 'betyg', rateMin: 1, rateMax: 3 },
        { type: 'html', name: 'info', html: '<p>x</p>' },
        {
          type: 'panel',
          name: 'panel',
          elements: [
            { type: 'text', name: 'inpanel' },
            { type: 'text', name: 'lagrad', valueName: 'annatnamn' },
          ],
        },
        {
          type: 'matrix',
          name: 'matris',
          rows: ['ekonomi', { value: 'liv', text: 'Liv' }],
          columns: [{ value: 'n0' }, { value: 'n1' }, { value: 'ej-relevant' }],
        },
        {
          type: 'matrixdropdown',
          name: 'md',
          rows: ['r1'],
          choices: ['x', 'y'],
          columns: [{ name: 'c1' }, { name: 'c2', cellType: 'checkbox', choices: ['p', 'q'] }, { name: 'c3', cellType: 'text' }],
        },
        { type: 'matrixdynamic', name: 'mdyn', columns: [{ name: 'roll', cellType: 'text' }, { name: 'ja', cellType: 'boolean' }] },
        { type: 'multipletext', name: 'mt', items: [{ name: 'fornamn' }, { name: 'efternamn' }] },
        {
          type: 'paneldynamic',
          name: 'mangder',
          templateElements: [
            { type: 'text', name: 'namn' },
            { type: 'checkbox', name: 'pu', choices: ['vanliga', 'kansliga'] },
            { type: 'paneldynamic', name: 'inre', templateElements: [{ type: 'dropdown', name: 'val', choices: ['a'] }] },
          ],
        },
      ],
    },
  ],
};

const valid = {
  namn: 'Ekonomisystem',
  antal: 3,
  beskrivning: 'text',
  aktiv: false,
  janej: 'nej',
  typ: 'other',
  'typ-Comment': 'Något annat',
  niva: '2',
  lagrum: ['gdpr', 'osl'],
  taggar: ['b'],
  betyg: 3,
  inpanel: 'x',
  annatnamn: 'y',
  matris: { ekonomi: 'n1', liv: 'ej-relevant' },
  md: { r1: { c1: 'x', c2: ['p', 'q'], c3: 'fri' } },
  mdyn: [{ roll: 'ISAM', ja: true }],
  mt: { fornamn: 'Ada' },
  mangder: [{ namn: 'A', pu: ['vanliga'], inre: [{ val: 'a' }] }, { namn: 'B' }],
  summa: 1,
  tom: null,
};

describe('validateAnswers', () => {
  it('accepts answers that fit every question type', () => {
    expect(validateAnswers(survey, valid)).toEqual({ ok: true, answers: valid });
  });

  it('accepts no answers at all', () => {
    expect(validateAnswers(survey, {})).toMatchObject({ ok: true });
  });

  it.each([
    [{ okand: 1 }, 'okand', 'no question has this name'],
    [{ namn: 5 }, 'namn', 'expected a string'],
    [{ antal: '3' }, 'antal', 'expected a number'],
    [{ aktiv: 'ja' }, 'aktiv', 'expected a boolean'],
    [{ janej: true }, 'janej', 'neither the true nor the false value'],
    [{ typ: 'okänd' }, 'typ', 'not one of the choices'],
    [{ typ: ['system'] }, 'typ', 'expected one choice'],
    [{ niva: 4 }, 'niva', 'not one of the choices'],
    [{ lagrum: 'gdpr' }, 'lagrum', 'expected a list'],
    [{ lagrum: ['gdpr', 'pul'] }, 'lagrum[1]', 'not one of the choices'],
    [{ lagrum: ['gdpr', 'gdpr'] }, 'lagrum[1]', 'chosen twice'],
    [{ betyg: 4 }, 'betyg', 'expected a rating from 1 to 3'],
    [{ info: 'x' }, 'info', 'no question has this name'],
    [{ lagrad: 'x' }, 'lagrad', 'no question has this name'],
    [{ matris: { okand: 'n1' } }, 'matris.okand', 'no such row'],
    [{ matris: { ekonomi: 'n9' } }, 'matris.ekonomi', 'not one of the choices'],
    [{ matris: ['n1'] }, 'matris', 'expected an object'],
    [{ md: { r1: { c1: 'z' } } }, 'md.r1.c1', 'not one of the choices'],
    [{ md: { r1: { c2: ['x'] } } }, 'md.r1.c2[0]', 'not one of the choices'],
    [{ md: { r1: { c9: 'x' } } }, 'md.r1.c9', 'no such column'],
    [{ md: { r2: {} } }, 'md.r2', 'no such row'],
    [{ mdyn: [{ ja: 'ja' }] }, 'mdyn[0].ja', 'expected a boolean'],
    [{ mt: { mellannamn: 'x' } }, 'mt.mellannamn', 'no such item'],
    [{ mangder: { namn: 'A' } }, 'mangder', 'expected a list'],
    [{ mangder: [{ pu: ['okand'] }] }, 'mangder[0].pu[0]', 'not one of the choices'],
    [{ mangder: [{ okand: 1 }] }, 'mangder[0].okand', 'no question has this name'],
    [{ mangder: [{ inre: [{ val: 'b' }] }] }, 'mangder[0].inre[0].val', 'not one of the choices'],
    [{ 'namn-Comment': 'x' }, 'namn-Comment', 'no question has this name'],
  ])('rejects %j at %s', (answers, field, message) => {
    const result = validateAnswers(survey, answers);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it('lists every offending field, not only the first', () => {
    const result = validateAnswers(survey, { namn: 1, typ: 'x', okand: true });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['namn', 'typ', 'okand']);
  });

  it('rejects answers that are not an object', () => {
    for (const answers of [null, 3, 'x', []]) {
      expect(validateAnswers(survey, answers)).toEqual({ ok: false, errors: [{ field: '(answers)', message: expect.any(String) }] });
    }
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.constantFrom('namn', 'matris', 'md', 'mdyn', 'mangder', 'lagrum', 'x'), fc.jsonValue()), (any, dict) => {
        expect(() => validateAnswers(survey, any)).not.toThrow();
        expect(() => validateAnswers(survey, dict)).not.toThrow();
      }),
    );
  });
});
