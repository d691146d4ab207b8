// Test runner settings: the suites live under test/ and run on src/; the CLI and package suites run the bundle,
// which the global setup builds first when a source is newer than it.
import { defineConfig } from 'vitest/config';

const loadSuites = 'test/load/**/*.test.ts';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    globalSetup: ['test/support/build.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'suites',
          // Each lesson carries its own HTTP test, which the scaffold's starter project runs too.
          include: ['test/**/*.test.ts', 'src/lessons/*/*.test.ts'],
          exclude: [loadSuites],
          // Browser and CLI suites start real processes; two cores do not gain from more parallel files.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'load',
          include: [loadSuites],
          // Load tests judge latency and memory: one file at a time, once every other suite is done, so a browser
          // suite's burst on the same two cores is not measured as theirs.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
