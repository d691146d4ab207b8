// Test runner settings: the suites live under test/ and run on src/; the CLI and package suites run the bundle,
// which the global setup builds first when a source is newer than it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // Each lesson carries its own HTTP test, which the scaffold's starter project runs too.
    include: ['test/**/*.test.ts', 'src/lessons/*/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Browser and CLI suites start real processes; two cores do not gain from more parallel files.
    maxWorkers: 2,
  },
});
