import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium (tests/e2e). One
// browser at a time: the machine has two cores and each test owns a profile.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // Each test's timeout goes into the JSON report (scripts/test-durations.ts).
    setupFiles: ['tests/support/timeout-meta.ts'],
    fileParallelism: false,
    // At least 5× the slowest test's worst time (Mozilla's addons-linter: 20 s on a loaded
    // 2-core machine); re-check with scripts/test-durations.ts.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
