import autocannon from 'autocannon';
import { HttpSession } from '../support/http-session';
import { inventoryRows, lastColumnBomb, longStringBomb, lyingSizeBomb } from '../support/import-bombs';
import { sendImport } from '../support/send-import';
import type { Benchmark, BenchRow } from './support/bench-types';
import { startChildServer } from './support/child-server';

const adminPassword = 'bench-admin-password';
const seconds = 8;

function health(url: string): Promise<autocannon.Result> {
  return autocannon({ url: `${url}/api/health`, connections: 4, duration: seconds });
}

/** The bombs of issue 15 and the largest allowed file, sent one after the other until `until` resolves. */
async function sendBombs(admin: HttpSession, until: Promise<unknown>): Promise<{ sent: number; refused: number; other: number }> {
  const files: [string, Buffer][] = [
    ['kolumner.xlsx', lastColumnBomb()],
    ['strang.xlsx', longStringBomb()],
    ['ljuger.xlsx', lyingSizeBomb()],
    ['for-manga.csv', inventoryRows(10_001)],
    ['hela-kommunen.csv', inventoryRows(10_000)],
  ];
  const state = { finished: false };
  void until.then(() => (state.finished = true));
  const counts = { sent: 0, refused: 0, other: 0 };
  for (let index = 0; !state.finished && index < 1_000; index += 1) {
    const [name, bytes] = files[index % files.length]!;
    const answer = await sendImport(admin, `/api/organisations/${admin.organisationId}/imports/preview`, name, bytes);
    counts.sent += 1;
    if (answer.status >= 400 && answer.status < 500) counts.refused += 1;
    else if (answer.status !== 200) counts.other += 1;
  }
  return counts;
}

const idleBaseline = (value: number) => ({ name: 'same GET, idle server', value });

export const importBombsBenchmark: Benchmark = {
  name: 'import-bombs',
  async run(): Promise<BenchRow[]> {
    const server = await startChildServer('tests/bench/servers/sigill-server.ts', { SIGILL_ADMIN_PASSWORD: adminPassword });
    try {
      const admin = await HttpSession.login(server.url, 'admin@sigill.local', adminPassword);
      const idle = await health(server.url);
      server.resetPeakRss();
      const before = server.peakRssMb() ?? Number.NaN;
      const busyRun = health(server.url);
      const bombs = await sendBombs(admin, busyRun);
      const busy = await busyRun;
      const peak = server.peakRssMb() ?? Number.NaN;
      const name = `GET /api/health while import bombs are read (${bombs.sent} files, ${bombs.refused} refused, ${bombs.other} other than 200/4xx)`;
      return [
        { benchmark: name, figure: 'p50 latency', value: busy.latency.p50, unit: 'ms', baseline: idleBaseline(idle.latency.p50) },
        { benchmark: name, figure: 'p99 latency', value: busy.latency.p99, unit: 'ms', baseline: idleBaseline(idle.latency.p99), target: '< 50 ms', met: busy.latency.p99 < 50 },
        { benchmark: name, figure: 'peak RSS of the server', value: peak, unit: 'MB', baseline: { name: 'RSS before the bombs', value: before }, target: '< 400 MB', met: peak < 400 },
      ];
    } finally {
      await server.stop();
    }
  },
};
