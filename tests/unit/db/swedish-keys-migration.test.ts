import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Migration, Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteHandle } from '../../../server/db/connection';
import { swedishSortKey } from '../../../server/text/swedish-keys';

/** Migration 014 gives the assets and templates already stored their sort and search keys, computed in TypeScript. */
const folder = path.join(import.meta.dirname, '../../../server/db/migrations');
const names = fs.readdirSync(folder).filter((file) => /^\d{3}_.*\.ts$/.test(file)).map((file) => file.replace(/\.ts$/, '')).sort();

let dataDir: string;
let handle: SqliteHandle;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-keys-'));
  handle = openDatabase(dataDir);
});
afterEach(async () => {
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function migrator(): Promise<Migrator> {
  const migrations: Record<string, Migration> = {};
  for (const name of names) migrations[name] = (await import(path.join(folder, `${name}.ts`))) as Migration;
  return new Migrator({ db: handle.db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

describe('migration 014', () => {
  it('backfills the keys of existing assets and of each template from its newest version', async () => {
    const migrate = await migrator();
    expect((await migrate.migrateTo('013_organisation_budget')).error).toBeUndefined();
    const now = new Date().toISOString();
    const raw = handle.sqlite;
    raw.prepare("insert into organisations (id, name, kind, created_at) values ('o1', 'Kommunen', 'kommun', ?)").run(now);
    raw.prepare("insert into users (id, email, name, password_hash, created_at, password_changed_at) values ('u1', 'a@b.se', 'A', 'x', ?, ?)").run(now, now);
    const asset = raw.prepare("insert into assets (id, organisation_id, name, type, description, tags, suppliers, external_id, created_at, updated_at) values (?, 'o1', ?, 'system', ?, ?, ?, ?, ?, ?)");
    asset.run('a1', 'Överförmyndare', 'Gode män', '["Socialtjänst"]', '["Leverantör AB"]', 'ÖF-1', now, now);
    asset.run('a2', 'Zebra', '', '[]', '[]', null, now, now);
    raw.prepare("insert into assessments (id, asset_id, kind, form_id, form_version, round, status, revision, answers, created_by, created_at, updated_at) values ('s1', 'a1', 'classification', 'klassning', 1, 1, 'utkast', 1, '{}', 'u1', ?, ?)").run(now, now);
    raw.prepare("insert into templates (id, organisation_id, source_asset_id, created_by, created_at) values ('t1', 'o1', 'a1', 'u1', ?)").run(now);
    const version = raw.prepare("insert into template_versions (id, template_id, version, name, description, source_assessment_id, form_id, form_version, answers, levels, profile_text, lowering_policy, fulfilled, published_by, published_at) values (?, 't1', ?, ?, 'Beskrivning', 's1', 'klassning', 1, '{}', ?, 'K1', 'never', '[]', 'u1', ?)");
    version.run('v1', 1, 'Äldre namn', '{"informationSets":[]}', now);
    version.run('v2', 2, 'Ärendesystem', '{"informationSets":[{"name":"Personakter"}]}', now);

    expect((await migrate.migrateToLatest()).error).toBeUndefined();
    const assets = raw.prepare('select id, sort_key, search_key from assets order by id').all();
    expect(assets).toEqual([
      { id: 'a1', sort_key: swedishSortKey('Överförmyndare'), search_key: 'överförmyndare\ngode män\nsocialtjänst\nleverantör ab\nöf-1' },
      { id: 'a2', sort_key: 'zebra', search_key: 'zebra' },
    ]);
    expect(raw.prepare('select sort_key, search_key from templates').get()).toEqual({ sort_key: swedishSortKey('Ärendesystem'), search_key: 'ärendesystem\nbeskrivning\npersonakter' });
  });
});
