import { sql } from 'kysely';
import { dashboardFigures } from '../../server/reports/dashboard-figures';
import { lgReportData } from '../../server/reports/lg-report-data';
import { keepLastYearEnds } from '../../server/reports/plan-year-end-store';
import { generateInstallation } from '../support/oversight-data';
import { createTestApp } from '../support/test-app';
import { benchCluster, loadAverageRow, percentile, timings } from './support/bench-cluster';
import type { Benchmark, BenchRow } from './support/bench-types';

/** Issue 16's region: 30 organisations, 50,000 assets, 2,000,000 plan items (BENCH_REGION_ASSETS scales it down for a trial). */
const organisationCount = 30;
const assetCount = Number(process.env.BENCH_REGION_ASSETS ?? 50_000);
const itemsPerAsset = 40;

/**
 * The dashboard and the Ledningens genomgång PDF at region scale on PostgreSQL (issue 16's targets:
 * 200 ms and 2 s), on the generated installation of the oversight bench grown to a region. The data
 * is written with 1,000-row inserts in one transaction and then analysed, so set-up takes minutes.
 */
export const regionBenchmark: Benchmark = {
  name: 'region',
  async run(): Promise<BenchRow[]> {
    const scale = `${assetCount.toLocaleString('en-US')} assets, ${(assetCount * itemsPerAsset).toLocaleString('en-US')} plan items, PostgreSQL`;
    const cluster = await benchCluster();
    const testApp = await createTestApp({ SIGILL_DATABASE_URL: await cluster.database('sigill_region') });
    try {
      const { db } = testApp.deps.database;
      const rootId = (await testApp.deps.organisations.current()).all()[0]!.id;
      const organisations = Array.from({ length: organisationCount - 1 }, (_, index) => ({ id: `0192f0c4-5b7e-7cc1-9a6e-3f1d2b4c${String(index).padStart(4, '0')}`, parent_id: rootId, name: `Förvaltning ${index + 1}`, kind: 'forvaltning' as const, created_at: new Date().toISOString() }));
      await db.insertInto('organisations').values(organisations).execute();
      testApp.deps.organisations.invalidate();
      const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
      const generateStart = performance.now();
      await generateInstallation(db, { organisationIds: [rootId, ...organisations.map((organisation) => organisation.id)], userId: user.id, assets: assetCount, planItemsPerAsset: itemsPerAsset, keep: false });
      await sql`analyze`.execute(db);
      const setUp = performance.now() - generateStart;
      process.stderr.write(`  region: generated ${scale} in ${Math.round(setUp)} ms\n`);
      const tree = await testApp.deps.organisations.current();
      const scope = tree.selfAndDescendants(rootId);
      const before = loadAverageRow(`region (${scale})`, 'before');
      const baseline = percentile(await timings(3, () => db.selectFrom('plan_items').select(['status', 'priority', (eb) => eb.fn.countAll().as('n')]).groupBy(['status', 'priority']).execute()), 0.5);
      const dashboard = await timings(30, () => dashboardFigures(db, tree, scope));
      const year = new Date().getUTCFullYear();
      const report = async () => testApp.deps.protocols.renderPool().run({ report: await lgReportData(db, tree, rootId, scope, year) });
      // What the server does before it listens and then hourly: last year's plans kept per organisation (plan-year-end-store.ts).
      const keepStart = performance.now();
      await keepLastYearEnds(db);
      const keep = performance.now() - keepStart;
      const data = await timings(5, () => lgReportData(db, tree, rootId, scope, year));
      const pdf = await timings(5, report);
      const scan = { name: 'group-by scan of plan items', value: baseline };
      const p50 = percentile(dashboard, 0.5);
      const p99 = percentile(dashboard, 0.99);
      const pdfMedian = percentile(pdf, 0.5);
      const pdfSlowest = Math.max(...pdf);
      return [
        { benchmark: `region set-up (${scale})`, figure: 'generate + analyze', value: setUp / 1000, unit: 's' },
        before,
        { benchmark: `dashboard (${scale})`, figure: 'p50', value: p50, unit: 'ms', baseline: scan, target: '< 200 ms', met: p50 < 200 },
        { benchmark: `dashboard (${scale})`, figure: 'p99 (30 runs)', value: p99, unit: 'ms', baseline: scan, target: '< 200 ms', met: p99 < 200 },
        { benchmark: `Ledningens genomgång data (${scale})`, figure: 'median of 5', value: percentile(data, 0.5), unit: 'ms', baseline: scan },
        { benchmark: `Ledningens genomgång, last year's plans kept (${scale})`, figure: 'once a year (server job)', value: keep, unit: 'ms', baseline: scan },
        { benchmark: `Ledningens genomgång PDF (${scale})`, figure: 'median of 5', value: pdfMedian, unit: 'ms', baseline: scan, target: '< 2000 ms', met: pdfMedian < 2000 },
        { benchmark: `Ledningens genomgång PDF (${scale})`, figure: 'slowest of 5', value: pdfSlowest, unit: 'ms', baseline: scan, target: '< 2000 ms', met: pdfSlowest < 2000 },
        loadAverageRow(`region (${scale})`, 'after'),
      ];
    } finally {
      await testApp.close();
      cluster.stop();
    }
  },
};
