import { type Cluster, startCluster } from './postgres-cluster';

/**
 * Global setup of the api-pg and e2e-pg projects: one throwaway cluster, shared while both run and
 * stopped when the last one is done, unless SIGILL_TEST_PG_ADMIN_URL names a cluster already (a
 * developer's own, say). Workers inherit the URL through the environment.
 */
let cluster: Cluster | null = null;
let users = 0;

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.SIGILL_TEST_PG_ADMIN_URL && !cluster) return undefined;
  if (!cluster) {
    cluster = await startCluster();
    process.env.SIGILL_TEST_PG_ADMIN_URL = cluster.adminUrl;
  }
  users += 1;
  return () => {
    users -= 1;
    if (users > 0 || !cluster) return;
    delete process.env.SIGILL_TEST_PG_ADMIN_URL;
    cluster.stop();
    cluster = null;
  };
}
