import { startCluster } from './postgres-cluster';

/**
 * Global setup of the api-pg and e2e-pg projects: one throwaway cluster for the run, unless
 * SIGILL_TEST_PG_ADMIN_URL names one already (a developer's own, say). Workers inherit the URL.
 */
export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.SIGILL_TEST_PG_ADMIN_URL) return undefined;
  const cluster = await startCluster();
  process.env.SIGILL_TEST_PG_ADMIN_URL = cluster.adminUrl;
  return () => {
    delete process.env.SIGILL_TEST_PG_ADMIN_URL;
    cluster.stop();
  };
}
