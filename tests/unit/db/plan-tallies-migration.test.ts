import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Migration, Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteHandle } from '../../../server/db/connection';
import { planFigures } from '../../../server/reports/dashboard-queries';
import { countedPlanFigures, expectTalliesFresh } from '../../support/plan-tally-check';

/** Migration 021 counts the plan items already stored into the new plan tallies. */
const folder = path.join(import.meta.dirname, '../../../server/db/migrations');
const names = fs.readdirSync(folder).filter((file) => /^\d{3}_.*\.ts$/.test(file)).map((file) => file.replace(/\.ts$/, '')).sort();

let dataDir: string;
let handle: SqliteHandle;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-tallies-'));
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

describe('migration 021', () => {
  it('counts the existing plan items of live assets, leaving archived ones out', async () => {
    const migrate = await migrator();
    expect((await migrate.migrateTo('020_special_analyses')).error).toBeUndefined();
    const now = '2026-06-01T00:00:00.000Z';
    const raw = handle.sqlite;
    raw.prepare("insert into organisations (id, name, kind, created_at) values ('o1', 'Kommunen', 'kommun', ?), ('o2', 'Skolan', 'forvaltning', ?)").run(now, now);
    raw.prepare("insert into users (id, email, name, password_hash, created_at, password_changed_at) values ('u1', 'a@b.se', 'A', 'x', ?, ?)").run(now, now);
    const asset = raw.prepare("insert into assets (id, organisation_id, name, type, created_at, updated_at, archived_at) values (?, ?, ?, 'system', ?, ?, ?)");
    asset.run('a1', 'o1', 'Ekonomi', now, now, null);
    asset.run('a2', 'o2', 'Elevregister', now, now, null);
    asset.run('a3', 'o2', 'Gammalt', now, now, now);
    const assessment = raw.prepare("insert into assessments (id, asset_id, kind, form_id, form_version, round, status, revision, answers, created_by, created_at, updated_at) values (?, ?, 'classification', 'klassning', 1, 1, 'utkast', 1, '{}', 'u1', ?, ?)");
    for (const id of ['a1', 'a2', 'a3']) assessment.run(`s-${id}`, id, now, now);
    const item = raw.prepare("insert into plan_items (id, asset_id, source, source_key, assessment_id, title, detail, applicable, status, priority, planned_date, risk_valid_until, created_at, updated_at) values (?, ?, 'classification', ?, ?, 'Krav', '{}', ?, ?, ?, ?, ?, ?, ?)");
    const rows: [string, number, string, string | null, string | null, string | null][] = [
      ['a1', 1, 'ej_uppfyllt', 'hog', '2026-05-01', null],
      ['a1', 1, 'risk_accepterad', null, null, '2026-07-01'],
      ['a1', 0, 'ej_bedomd', 'lag', '2026-01-01', null],
      ['a2', 1, 'delvis_uppfyllt', 'medel', '2026-09-01', null],
      ['a2', 1, 'uppfyllt', null, '2026-02-01', null],
      ['a3', 1, 'ej_uppfyllt', 'hog', '2026-01-01', null],
    ];
    for (const [index, [assetId, applicable, status, priority, planned, valid]] of rows.entries()) item.run(`p${index}`, assetId, `krav-${index}`, `s-${assetId}`, applicable, status, priority, planned, valid, now, now);

    expect((await migrate.migrateToLatest()).error).toBeUndefined();
    await expectTalliesFresh(handle.db);
    const figures = await planFigures(handle.db, ['o1', 'o2'], '2026-06-01', '2026-08-30');
    expect(figures).toEqual(await countedPlanFigures(handle.db, ['o1', 'o2'], '2026-06-01', '2026-08-30'));
    expect(figures).toMatchObject({ total: 4, open: 2, overdue: 1, riskAcceptances: { active: 1, expiringSoon: 1, expired: 0 } });
  });
});
