// `npm run test:pack`: the packed package installed and its starter scaffolded, installed and tested (slow, online).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/package/*.e2e.ts'],
    testTimeout: 10 * 60_000,
    hookTimeout: 60_000,
  },
});
