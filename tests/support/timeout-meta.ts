import { beforeEach } from 'vitest';

/**
 * Setup file of both vitest configs: records each test's timeout in its
 * `meta`, which the JSON reporter writes beside its duration, so that
 * scripts/test-durations.ts can say how close each test runs to its limit.
 */
declare module 'vitest' {
  interface TaskMeta {
    timeout?: number;
  }
}

beforeEach(({ task }) => {
  task.meta.timeout = task.timeout;
});
