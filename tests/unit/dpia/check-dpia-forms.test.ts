import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDpiaForms, type CheckedFile } from '../../../scoring/dpia/check-dpia-forms';
import { itemValues } from '../../../scoring/survey/choices';
import { allQuestions, asArray, asRecord } from '../../../scoring/survey/survey-json';
import { checkFormsFolder } from '../../../server/forms/check-forms-folder';
import { loadForms } from '../../../server/forms/check-forms-folder';
import { formsDir } from './dpia-content';

const files: CheckedFile[] = loadForms(formsDir).map(({ file, content }) => ({ file, content }));
const screeningFile = files.find((entry) => entry.content.meta.id === 'dpia-forhandsbedomning')!;
const dpiaFile = files.find((entry) => entry.content.meta.id === 'konsekvensbedomning')!;

/** A copy of the forms with one file changed by `change`, as a form author's mistake would. */
function withChanged(target: CheckedFile, change: (content: Record<string, unknown>) => void): CheckedFile[] {
  return files.map((entry) => {
    if (entry !== target) return entry;
    const content = structuredClone(entry.content);
    change(content);
    return { file: entry.file, content };
  });
}

/** Finds a question (or panel) by name anywhere in a survey definition. */
function element(content: Record<string, unknown>, name: string): Record<string, unknown> {
  const visit = (node: unknown): Record<string, unknown> | undefined => {
    const record = asRecord(node);
    if (record?.name === name && record.type !== undefined) return record;
    for (const child of [...asArray(record?.pages), ...asArray(record?.elements), ...asArray(record?.templateElements)]) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(content.survey)!;
}

describe('DPIA reference checks', () => {
  it('find nothing wrong in the forms folder', () => {
    expect(checkDpiaForms(files)).toEqual([]);
  });

  const broken: { name: string; target: CheckedFile; change: (content: Record<string, unknown>) => void; field: string; message: RegExp }[] = [
    { name: 'a criterion without a question', target: screeningFile, change: (c) => void delete element(c, 'k6-samkorning').dpiaCriterion, field: 'survey', message: /criterion "samkorning"/ },
    { name: 'a screening question without "osäker"', target: screeningFile, change: (c) => void (element(c, 'k9-hindrar').choices = ['ja', 'nej']), field: 'k9-hindrar', message: /exactly the choices/ },
    { name: 'a rating off the risk model scale', target: dpiaFile, change: (c) => void (element(c, 'forlust-allvarlighet-nu').choices = [1, 2, 3, 4, 5]), field: 'forlust-allvarlighet-nu', message: /risk model's severity/ },
    { name: 'a missing justification', target: dpiaFile, change: (c) => void delete element(c, 'forlust-sannolikhet-kvar-motivering').dpiaField, field: 'risk forlust', message: /likelihood-residual-justification/ },
    { name: 'a feared event removed', target: dpiaFile, change: (c) => void (element(c, 'risk-forlust').dpiaRisk = 'forlust-2'), field: 'survey', message: /"forlust" has no risk panel/ },
    {
      name: 'a measure linked to an unknown risk',
      target: dpiaFile,
      change: (c) => {
        const column = asArray(element(c, 'atgarder').columns).map(asRecord).find((entry) => entry?.name === 'risker')!;
        column.choices = [...asArray(column.choices), 'okand-risk'];
      },
      field: 'atgarder.risker',
      message: /"okand-risk" is not a risk panel/,
    },
    { name: 'no risk model named', target: dpiaFile, change: (c) => void delete (c.meta as Record<string, unknown>).uses, field: 'meta.uses', message: /exactly one dpia-risk-model/ },
    { name: 'a risk model that does not exist', target: dpiaFile, change: (c) => void ((c.meta as { uses: { version: number }[] }).uses[0]!.version = 9), field: 'meta.uses', message: /does not exist/ },
  ];
  it.each(broken)('reject $name, naming file and field', ({ target, change, field, message }) => {
    const problems = checkDpiaForms(withChanged(target, change));
    expect(problems).toContainEqual({ file: target.file, field, message: expect.stringMatching(message) });
  });
});

describe('DPIA form ids are stable and unique', () => {
  it.each([screeningFile, dpiaFile].map((entry) => [entry.content.meta.id, entry] as const))('%s', (_id, entry) => {
    const questions = allQuestions(entry.content.survey as Record<string, unknown>);
    const keys = questions.map((question) => question.key);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    const repeated = questions.flatMap((question) => {
      const lists = [question.json.choices, question.json.rows, ...asArray(question.json.columns).map((column) => asRecord(column)?.choices)];
      return lists.flatMap((list) => {
        const values = itemValues(list).map(String);
        return values.filter((value, index) => values.indexOf(value) !== index).map((value) => `${question.key}: ${value}`);
      });
    });
    expect(repeated).toEqual([]);
  });
});

describe('forms:check covers the DPIA forms', () => {
  it('names the file and field of a broken DPIA form', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-forms-check-'));
    try {
      fs.cpSync(formsDir, copy, { recursive: true });
      const file = path.join(copy, 'konsekvensbedomning/v1.json');
      const content = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      element(content, 'oonskad-andring-sannolikhet-nu').choices = [1, 2, 3];
      fs.writeFileSync(file, JSON.stringify(content));
      expect(checkFormsFolder(copy).problems).toEqual([
        { file, field: 'oonskad-andring-sannolikhet-nu', message: expect.stringMatching(/risk model's likelihood values 1, 2, 3, 4/) },
      ]);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
