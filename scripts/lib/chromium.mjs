// One way to launch the machine's Chromium for end-to-end tests and benchmarks. Playwright
// cannot download its own browser here, so we drive Debian's build through playwright-core.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath() {
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium was not found. Install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium({
  viewport = { width: 390, height: 844 },
  extraArgs = [],
} = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'exhale-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
    viewport,
  });
}
