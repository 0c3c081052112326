import fs from 'node:fs';
import path from 'node:path';
import type { DocumentDefinition } from '../../server/pdf/doc-types';

/**
 * What a reader of a protocol must never see, derived from the forms rather than listed by hand:
 * every code-like string in a form file (a choice value, a question name, a risk or principle id,
 * a model id) that is not also a word of the forms' own Swedish texts. "none" and "other" are
 * SurveyJS's implicit values for a question that shows those items.
 */
export function formCodes(formsDir = 'forms'): string[] {
  const files = fs.readdirSync(formsDir).flatMap((folder) => fs.readdirSync(path.join(formsDir, folder)).map((file) => path.join(formsDir, folder, file)));
  const codes = new Set<string>();
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      // An id has a letter and no space or capital; SurveyJS expressions ({x} = 'y') are not texts a reader sees.
      if (/^[a-z0-9][a-z0-9_.-]*$/.test(value) && /[a-z]/.test(value) && value.length > 2) codes.add(value);
      else if (!value.includes('{')) texts.push(value);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.showNoneItem === true) codes.add('none');
      if (record.showOtherItem === true) codes.add('other');
      Object.values(record).forEach(visit);
    }
  };
  for (const file of files) visit(JSON.parse(fs.readFileSync(file, 'utf8')));
  const words = new Set(texts.join(' ').toLowerCase().split(/[^\p{L}\p{N}_-]+/u));
  return [...codes].filter((code) => !words.has(code.toLowerCase())).sort();
}

/** The codes that occur in a text as whole tokens (a code inside a longer id or word does not count). */
export function codesIn(text: string, codes: readonly string[]): string[] {
  return codes.filter((code) => new RegExp(`(?<![\\p{L}\\p{N}_-])${code.replace(/[.]/g, '\\.')}(?![\\p{L}\\p{N}_-])`, 'u').test(text));
}

function stringsOf(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) if (key !== 'qr') stringsOf(item, into);
  return into;
}

const letters = /\p{L}+/gu;

/**
 * Every word the document definition asks pdfmake to print, running header and footer included.
 * pdftotext joins a word hyphenated at a line end ("PDF-" + "läsare"), so a compound also counts
 * without its hyphens.
 */
export function wordsOf(document: DocumentDefinition): Set<string> {
  const strings = stringsOf(document.content, []);
  for (const frame of [document.header, document.footer]) if (frame) stringsOf(frame(1, 1), strings);
  const words = new Set<string>();
  for (const value of strings) {
    for (const word of value.match(letters) ?? []) words.add(word);
    for (const compound of value.match(/\p{L}+(?:-\p{L}+)+/gu) ?? []) words.add(compound.replace(/-/g, ''));
  }
  return words;
}

/**
 * The fragments in the extracted text that are no word of the definition: what a word broken
 * across two lines ("Systemförvaltar" / "e") leaves, each with the line it ends and the next one.
 */
export function brokenWords(extracted: string, words: ReadonlySet<string>): string[] {
  const lines = extracted.split('\n');
  return lines.flatMap((line, index) =>
    (line.match(letters) ?? []).filter((token) => !words.has(token)).map((token) => `${token} (in “${line.trim()}” / “${lines[index + 1]?.trim() ?? ''}”)`),
  );
}
