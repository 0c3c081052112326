/**
 * Swedish search and sort, computed here and stored with the row, so SQLite and PostgreSQL give the
 * same answer: SQLite folds case for ASCII only and compares bytes, and a PostgreSQL collation
 * depends on how the cluster was made. Both compare plain ASCII the same way (binary, or "C").
 */

/** å ä ö after z, as in Swedish (æ counts as ä, ø as ö); the three ASCII characters after "z" keep that order in bytes. */
const swedishLetters: Readonly<Record<string, string>> = { å: '{', ä: '|', æ: '|', ö: '}', ø: '}', ü: 'y', ű: 'y' };
const plainLetterOrDigit = /^[a-z0-9]+$/;
const combiningMarks = /\p{M}/gu;

/** The primary weight of one lower-case character, as ASCII. */
function weightOf(char: string): string {
  if (plainLetterOrDigit.test(char)) return char;
  const swedish = swedishLetters[char];
  if (swedish) return swedish;
  if (/\s/u.test(char)) return ' ';
  if (char === 'ß') return 'ss';
  const base = char.normalize('NFD').replace(combiningMarks, '');
  if (plainLetterOrDigit.test(base)) return base;
  // Other scripts sort after the Latin letters, by code point; punctuation and symbols before digits.
  if (/[\p{L}\p{N}]/u.test(char)) return `~${char.codePointAt(0)!.toString(16).padStart(6, '0')}`;
  return '!';
}

/**
 * The sort key of a name: ASCII whose byte order is Swedish order, case-insensitive (A–Z, then Å Ä Ö;
 * "é" as "e", "ü" as "y"), as Intl.Collator('sv', { sensitivity: 'base' }) orders the same names.
 * Rows that tie (the same name in other case) are ordered by id after it.
 */
export function swedishSortKey(text: string): string {
  let key = '';
  for (const char of text.normalize('NFC').toLowerCase()) key += weightOf(char);
  return key;
}

/**
 * Text as search compares it: lower case, accents dropped except on å ä ö (separate letters in
 * Swedish), white space as one space. The stored key and the typed query are both folded with this.
 */
export function foldForSearch(text: string): string {
  let folded = '';
  for (const char of text.normalize('NFC').toLowerCase()) {
    folded += 'åäö'.includes(char) ? char : char.normalize('NFD').replace(combiningMarks, '');
  }
  return folded.replace(/\s+/gu, ' ');
}

/** The search key of several fields: each folded, one per line, so a query (whose white space folds to spaces) never spans two. */
export function searchKeyOf(fields: readonly (string | null | undefined)[]): string {
  return fields
    .filter((field): field is string => typeof field === 'string' && field.length > 0)
    .map(foldForSearch)
    .join('\n');
}

/** Compares two names by the same rule, for lists sorted in TypeScript (organisations, members). */
export function compareSwedish(a: string, b: string): number {
  const left = swedishSortKey(a);
  const right = swedishSortKey(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
