import { AppConfig, InvalidEnvironmentError } from './app-config';

/** The problems `AppConfig.fromEnv` lists for `env`. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    AppConfig.fromEnv(env);
  } catch (error: unknown) {
    if (error instanceof InvalidEnvironmentError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('AppConfig.fromEnv', () => {
  it('should explain each invalid variable in words, not with the names of validation rules', () => {
    const problems = problemsOf({ CLUSTER_PREFIX: 'Trial_X', INSTANCE_ROLE: 'Edge', PORT: 'abc', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'a-shared-secret-of-a-test-cluster-0123456789' });

    expect(problems).toContain('CLUSTER_PREFIX must be 1 to 40 lowercase letters, digits or -');
    expect(problems).toContain('INSTANCE_ROLE must be core or edge');
    expect(problems.filter((problem) => problem.startsWith('PORT'))).not.toHaveLength(0);
    expect(problems.join('\n')).not.toMatch(/\b(isIn|matches|isInt|min|max)\b/);
  });

  it('should require Redis for an edge and a shared secret with Redis', () => {
    expect(problemsOf({ INSTANCE_ROLE: 'edge' })).toEqual([expect.stringContaining('REDIS_URL: required when INSTANCE_ROLE is edge')]);
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual([expect.stringContaining('JWT_SECRET: required when REDIS_URL is set')]);
  });
});
