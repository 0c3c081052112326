import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 16: SQL lives in the stores (server/<area>/*-store.ts); a route validates, calls a function
 * named after what it does, and answers. This walks server/routes and names every query it finds.
 */
const queryPatterns: { name: string; pattern: RegExp }[] = [
  { name: 'a Kysely query builder', pattern: /\.\s*(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(/ },
  { name: 'a query executed', pattern: /\.\s*(execute|executeTakeFirst|executeTakeFirstOrThrow|executeQuery|stream)\s*\(/ },
  { name: 'raw SQL', pattern: /\bsql\s*(<[^>]*>)?\s*`|\bsql\s*\.\s*(raw|ref|join|lit|id|table|val)\s*\(/ },
  { name: 'sql imported from Kysely', pattern: /import\s*\{[^}]*\bsql\b[^}]*\}\s*from\s*'kysely'/ },
  { name: 'the raw SQLite handle', pattern: /\.\s*sqlite\s*\.|\.\s*(prepare|exec|pragma)\s*\(/ },
];

/** Comments may name a query; only code counts. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function queriesIn(source: string): string[] {
  const code = withoutComments(source);
  return queryPatterns.filter(({ pattern }) => pattern.test(code)).map(({ name }) => name);
}

describe('route files', () => {
  it('recognise a query in any of its forms, and not in a comment', () => {
    expect(queriesIn("const row = await db.selectFrom('users').selectAll().executeTakeFirst();")).toEqual(['a Kysely query builder', 'a query executed']);
    expect(queriesIn("await trx\n  .updateTable('assets')\n  .set({ name })\n  .execute();")).toEqual(['a Kysely query builder', 'a query executed']);
    expect(queriesIn("await sql`select 1`.execute(db);")).toEqual(['a query executed', 'raw SQL']);
    expect(queriesIn("import { type Kysely, sql } from 'kysely';")).toEqual(['sql imported from Kysely']);
    expect(queriesIn("deps.database.sqlite.prepare('select 1').get();")).toEqual(['the raw SQLite handle']);
    expect(queriesIn("// the store runs db.selectFrom('users') for us\n/* trx.deleteFrom('x').execute() */\nconst members = await membersOf(db, id);")).toEqual([]);
  });

  it('hold no SQL: every query lives in a store', () => {
    const folder = path.join(import.meta.dirname, '../../server/routes');
    const found = fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => queriesIn(fs.readFileSync(path.join(folder, file), 'utf8')).map((query) => `${file}: ${query}`));
    expect(found).toEqual([]);
  });
});
