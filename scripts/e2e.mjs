// `npm run test:e2e`: a fresh web build when needed, the real API on an empty embedded
// database and a free port, then the browser tests against it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './lib/free-port.mjs';
import { repoRoot } from './lib/paths.mjs';
import { startApi } from './lib/server.mjs';
import { ensureWebBuild } from './lib/web-build.mjs';

ensureWebBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'exhale-e2e-'));
const port = await freePort();
const api = await startApi({
  PORT: String(port),
  PGLITE_DATA_DIR: join(dataDir, 'pglite'),
  LOG_LEVEL: 'warn',
});
console.log(`e2e: API and web app at ${api.url}`);
let status;
try {
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: api.url },
    },
  );
  status = result.status ?? 1;
} finally {
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
