import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: floors 0–3 against fakes (fake-indexeddb, WXT's fake browser, happy-dom).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Explicit, so the end-to-end files are not collected here (toolchain.md).
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // timeout-meta: each test's timeout goes into the JSON report (scripts/test-durations.ts).
    setupFiles: ['tests/support/timeout-meta.ts', 'tests/unit/setup.ts'],
    mockReset: true,
    restoreMocks: true,
    sequence: { shuffle: true },
    // Explicit, and at least 5× the slowest test's worst time on a 2-core machine under
    // heavy load (the new tab over a week of history, the retention simulation: 1 s idle,
    // 5 s at load average 10). Re-check with scripts/test-durations.ts; a test that needs
    // more gets faster or moves to a benchmark.
    testTimeout: 30_000,
  },
});
