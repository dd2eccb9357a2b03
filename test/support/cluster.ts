import { createTestApp, type TestApp } from './create-test-app';
import { TEST_REDIS_URL, uniqueClusterPrefix } from './redis';

/**
 * Settings of a test deployment of several instances on `redisUrl`: a channel prefix of its own, one shared
 * `JWT_SECRET`, and the production reconnect grace (120 s), so a citizen can move between instances.
 */
export function testClusterEnv(redisUrl = TEST_REDIS_URL): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    CLUSTER_PREFIX: uniqueClusterPrefix(),
    JWT_SECRET: 'a-shared-secret-of-a-test-cluster-0123456789',
    CITIZEN_RECONNECT_GRACE_SECONDS: '120',
  };
}

/** Boots a core, then an edge that shares its officer accounts, both with `env`, through `boot`. */
export async function bootCoreAndEdge(
  env: Record<string, string>,
  boot: (env: Record<string, string>) => Promise<TestApp> = createTestApp,
): Promise<{ core: TestApp; edge: TestApp }> {
  const core = await boot(env);
  const edge = await boot({ ...env, INSTANCE_ROLE: 'edge', DATA_DIR: core.dataDir });
  return { core, edge };
}
