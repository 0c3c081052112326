import { createHash } from 'node:crypto';
import { canonicalJson } from '../../server/audit/canonical-json';
import { findAssessment } from '../../server/assessments/assessment-store';
import { buildProtocol } from '../../server/pdf/build-protocol';
import { RenderPool } from '../../server/pdf/render-pool';
import type { ProtocolRenderJob as RenderJob } from '../../server/pdf/render-job';
import { gatherProtocolData } from '../../server/protocols/gather-protocol-data';
import { assetInput, orgFixture } from '../support/org-fixture';
import { createTestApp } from '../support/test-app';
import { startTsaServer } from '../support/tsa-server';
import type { Benchmark, BenchRow } from './support/bench-types';
import { tenInformationSets } from './support/ten-information-sets';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median time of each operation, run in turns (one of each per round) after three warm rounds: on a
 * shared machine the load drifts, and turns let the drift fall on every operation alike.
 */
async function timedInTurns(runs: number, operations: (() => Promise<unknown>)[]): Promise<number[]> {
  for (let warm = 0; warm < 3; warm += 1) for (const operation of operations) await operation();
  const times = operations.map((): number[] => []);
  for (let run = 0; run < runs; run += 1) {
    for (const [index, operation] of operations.entries()) {
      const start = performance.now();
      await operation();
      times[index]!.push(performance.now() - start);
    }
  }
  return times.map(median);
}

/** A real fastställd classification with ten informationsmängder, and the job its protocol makes. */
async function tenSetJob(): Promise<{ job: RenderJob; close(): Promise<void> }> {
  const testApp = await createTestApp();
  const org = await orgFixture(testApp);
  const author = await org.userWith('objektledare', org.socialId);
  const decider = await org.userWith('beslutsfattare', org.socialId);
  const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
  await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: tenInformationSets() });
  await author.post(`/api/assessments/${id}/submit`);
  await decider.post(`/api/assessments/${id}/decide`, { statement: 'Fastställs.' });
  const seal = await testApp.deps.protocols.seal();
  const data = await gatherProtocolData(testApp.deps, (await findAssessment(testApp.deps.database.db, id))!, { id: 'bench', version: 2 }, seal);
  const contentSha256 = createHash('sha256').update(canonicalJson(data)).digest('hex');
  return { job: { data, contentSha256, seal: { material: seal, signingTime: new Date().toISOString(), location: 'Bench', tsa: null } }, close: () => testApp.close() };
}

export const protocolBenchmark: Benchmark = {
  name: 'protocol',
  async run(): Promise<BenchRow[]> {
    const { job, close } = await tenSetJob();
    const renderOnly: RenderJob = { ...job, seal: null };
    // B-T: the same with a token from a local authority (openssl ts -reply behind HTTP, one process per token, no network delay).
    const tsa = await startTsaServer();
    const tsaSettings = { url: tsa.url, username: undefined, password: undefined, hashAlgorithm: 'sha256' as const, timeoutMs: 10_000 };
    const withTimestamp: RenderJob = { ...job, seal: { ...job.seal!, tsa: tsaSettings } };
    const medians = await timedInTurns(15, [() => buildProtocol(renderOnly), () => buildProtocol(job), () => buildProtocol(withTimestamp)]).finally(() => tsa.close());
    const [render, renderAndSeal, renderSealTimestamp] = [medians[0]!, medians[1]!, medians[2]!];
    // The pool as the server runs it: render processes at nice +10 that load TypeScript through tsx.
    const workers = 2;
    const pool = new RenderPool(workers);
    await Promise.all(Array.from({ length: workers }, () => pool.run(job)));
    const count = 30;
    const start = performance.now();
    await Promise.all(Array.from({ length: count }, () => pool.run(job)));
    const perSecond = count / ((performance.now() - start) / 1000);
    await pool.close();
    await close();
    return [
      { benchmark: 'protocol, 10 informationsmängder', figure: 'render + seal, median (in turns with render alone)', value: renderAndSeal, unit: 'ms', baseline: { name: 'render alone', value: render } },
      {
        benchmark: 'protocol, 10 informationsmängder',
        figure: 'render + seal + RFC 3161 timestamp (local openssl TSA), median',
        value: renderSealTimestamp,
        unit: 'ms',
        baseline: { name: 'render alone', value: render },
      },
      { benchmark: 'protocol, 10 informationsmängder', figure: `render + seal with the pool (${workers} render processes)`, value: perSecond, unit: 'protocols/s' },
    ];
  },
};
