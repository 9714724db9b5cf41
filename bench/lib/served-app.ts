import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../../scripts/lib/free-port.mjs';
import { startApi } from '../../scripts/lib/server.mjs';
import { ensureWebBuild } from '../../scripts/lib/web-build.mjs';

/** The app exactly as `npm start` serves it, on a free port and an empty embedded database. */
export async function withServedApp<T>(run: (url: string) => Promise<T>): Promise<T> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'exhale-bench-'));
  const api = await startApi({
    PORT: String(await freePort()),
    PGLITE_DATA_DIR: join(dataDir, 'pglite'),
    LOG_LEVEL: 'warn',
  });
  try {
    return await run(api.url);
  } finally {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
