import * as fc from 'fast-check';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOp, applyOps, diffOps, inRowOrder, rowIdKey, sameValue, withRowIds } from '../../../scoring/survey/answer-ops';
import { validateAnswers } from '../../../scoring/survey/validate-answers';

type Row = { _rowId: string } & Record<string, unknown>;

const row = (id: string, fields: Record<string, unknown> = {}): Row => ({ ...fields, _rowId: id });

/** Answers of the shape the workshop has: a few top-level questions and one list of rows with ids. */
const answers = fc.record(
  {
    objekt_namn: fc.string({ maxLength: 5 }),
    supportland: fc.uniqueArray(fc.constantFrom('sverige', 'eu', 'usa'), { maxLength: 3 }),
    integrationer: fc.uniqueArray(
      fc.record({ _rowId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), system: fc.string({ maxLength: 4 }), riktning: fc.constantFrom('in', 'ut') }, { requiredKeys: ['_rowId'] }),
      { selector: (entry) => entry[rowIdKey], minLength: 1, maxLength: 5 },
    ),
  },
  { requiredKeys: [] },
);

describe('answers as changes', () => {
  it('turns any answer set into any other by the changes diffOps finds', () => {
    fc.assert(
      fc.property(answers, answers, (before, after) => {
        expect(sameValue(applyOps(before, diffOps(before, after)), after)).toBe(true);
      }),
    );
  });

  it('merges two people’s changes to different questions to the same answers in either order', () => {
    fc.assert(
      fc.property(answers, fc.string({ maxLength: 5 }), fc.uniqueArray(fc.constantFrom('sverige', 'eu'), { maxLength: 2 }), (base, name, lands) => {
        const mine = [{ op: 'set' as const, path: ['objekt_namn'] as const, value: name }];
        const theirs = [{ op: 'set' as const, path: ['supportland'] as const, value: lands }];
        expect(applyOps(applyOps(base, mine), theirs)).toEqual(applyOps(applyOps(base, theirs), mine));
      }),
    );
  });

  it.each([
    ['insert after a row', { op: 'insert', list: 'l', rowId: 'x', after: 'a', value: { t: 1 } }, ['a', 'x', 'b']],
    ['insert first', { op: 'insert', list: 'l', rowId: 'x', after: null }, ['x', 'a', 'b']],
    ['insert after a row someone removed', { op: 'insert', list: 'l', rowId: 'x', after: 'gone' }, ['a', 'b', 'x']],
    ['insert a row that exists (a replay)', { op: 'insert', list: 'l', rowId: 'a', after: 'b' }, ['a', 'b']],
    ['remove', { op: 'remove', list: 'l', rowId: 'a' }, ['b']],
    ['remove a row that is gone (a replay)', { op: 'remove', list: 'l', rowId: 'gone' }, ['a', 'b']],
    ['move first', { op: 'move', list: 'l', rowId: 'b', after: null }, ['b', 'a']],
    ['move after itself', { op: 'move', list: 'l', rowId: 'a', after: 'a' }, ['a', 'b']],
  ] as const)('row op: %s', (_name, op, ids) => {
    const result = applyOp({ l: [row('a'), row('b')] }, op);
    expect((result['l'] as Row[]).map((entry) => entry[rowIdKey])).toEqual(ids);
  });

  it('ignores a change to a field of a removed row, and clears a field set to nothing', () => {
    const base = { l: [row('a', { t: 'x' })] };
    expect(applyOp(base, { op: 'set', path: ['l', 'gone', 't'], value: 'y' })).toBe(base);
    expect(applyOp(base, { op: 'set', path: ['l', 'a', 't'], value: null })).toEqual({ l: [row('a')] });
  });

  it('gives rows without ids the ids derived from their position, and keeps existing ones', () => {
    const given = { l: [{ t: 1 }, row('own', { t: 2 })], lands: ['sverige'] };
    expect(withRowIds(given)).toEqual({ l: [row('legacy-0', { t: 1 }), row('own', { t: 2 })], lands: ['sverige'] });
    const complete = { l: [row('a')] };
    expect(withRowIds(complete)).toBe(complete);
  });

  it('puts rows in a stored order, keeping rows it does not name after them', () => {
    expect((inRowOrder({ l: [row('new'), row('a'), row('b')] }, 'l', ['b', 'a'])['l'] as Row[]).map((entry) => entry[rowIdKey])).toEqual(['b', 'a', 'new']);
  });
});

describe('row ids in the answers', () => {
  const survey = (JSON.parse(fs.readFileSync('forms/informationsklassning/v1.json', 'utf8')) as { survey: Parameters<typeof validateAnswers>[0] }).survey;

  it('are accepted in panels and matrix rows, as text only', () => {
    expect(validateAnswers(survey, { informationsmangder: [row('p1', { namn: 'Löner' })], integrationer: [row('r1', { system: 'Lön' })] }).ok).toBe(true);
    const wrong = validateAnswers(survey, { integrationer: [{ _rowId: 7, system: 'Lön' }] });
    expect(wrong.ok ? [] : wrong.errors.map((error) => error.field)).toEqual(['integrationer[0]._rowId']);
  });
});
