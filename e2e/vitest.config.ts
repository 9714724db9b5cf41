import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores and the tests share one server.
    fileParallelism: false,
  },
});
