import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadForms } from '../../server/forms/check-forms-folder';
import { FormLoadError, FormsInvalidError } from '../../server/forms/form-errors';
import { makeFormsFolder, smallQuestionnaire } from '../support/temp-forms';

function loadError(files: Record<string, unknown>): FormLoadError {
  const dir = makeFormsFolder(files);
  try {
    loadForms(dir);
  } catch (error) {
    if (error instanceof FormsInvalidError && error.failures.length === 1) return error.failures[0]!;
    if (error instanceof FormLoadError) return error;
    throw error;
  }
  throw new Error('expected the forms to be rejected');
}

describe('loadForms', () => {
  it('loads a valid questionnaire with its meta', () => {
    const forms = loadForms(makeFormsFolder({ 'prov/v1.json': smallQuestionnaire() }));
    expect(forms.map((form) => form.meta)).toEqual([smallQuestionnaire().meta]);
  });

  it('loads every repository form', () => {
    const forms = loadForms(path.resolve('forms'));
    expect(forms.length).toBeGreaterThan(0);
  });

  it('names the file and the JSON problem when a file is not JSON', () => {
    const error = loadError({ 'prov/v1.json': '{ "meta": ' });
    expect(error.file).toMatch(/prov\/v1\.json$/);
    expect(error.reasons[0]).toMatch(/not valid JSON/);
  });

  it('names the field when meta is wrong', () => {
    const broken = { ...smallQuestionnaire(), meta: { ...smallQuestionnaire().meta, publishedAt: 'yesterday' } };
    const error = loadError({ 'prov/v1.json': broken });
    expect(error.message).toMatch(/prov\/v1\.json/);
    expect(error.reasons.join()).toMatch(/meta\.publishedAt/);
  });

  it('refuses a file whose id or version does not match its path', () => {
    const error = loadError({ 'annat/v2.json': smallQuestionnaire('prov', 1) });
    expect(error.reasons.join('\n')).toMatch(/meta\.id.*folder "annat"/);
    expect(error.reasons.join('\n')).toMatch(/meta\.version: 1 does not match the file name v2\.json/);
  });

  it('refuses an unknown kind by name', () => {
    const unknown = { ...smallQuestionnaire(), meta: { ...smallQuestionnaire().meta, kind: 'recept' } };
    expect(loadError({ 'prov/v1.json': unknown }).reasons.join()).toMatch(/unknown kind "recept"/);
  });

  it('refuses a survey that survey-core cannot understand', () => {
    const form = smallQuestionnaire();
    form.survey.pages[0]!.elements[0]!.type = 'no-such-question-type';
    expect(loadError({ 'prov/v1.json': form }).reasons.join()).toMatch(/^survey: /);
  });

  it('reports every broken file at once', () => {
    const dir = makeFormsFolder({ 'a/v1.json': '{', 'b/v1.json': smallQuestionnaire('b'), 'c/v1.json': smallQuestionnaire('x') });
    const error = (() => {
      try {
        loadForms(dir);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FormsInvalidError);
    expect((error as FormsInvalidError).failures.map((failure) => failure.file.split('/').at(-2))).toEqual(['a', 'c']);
  });

  it('refuses a stray JSON file that is not a version', () => {
    expect(loadError({ 'prov/v1.json': smallQuestionnaire(), 'prov/latest.json': {} }).reasons.join()).toMatch(/v<N>\.json/);
  });
});
