import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    env: { TZ: 'UTC' },
    // PGlite takes a few seconds to start cold; each file opens one.
    hookTimeout: 60_000,
    testTimeout: 20_000,
  },
});
