import { gzipSync } from 'node:zlib';

import { launchChromium } from '../../scripts/lib/chromium.mjs';

export interface BundleReport {
  files: { path: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
}

/**
 * Loads the home screen in Chromium and sums every JavaScript response that arrived before
 * its primary button was visible: what a person's browser must fetch before the first screen.
 */
export async function measureFirstScreenJs(url: string): Promise<BundleReport> {
  const context = await launchChromium();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const scripts: Promise<BundleReport['files'][number]>[] = [];
    let firstScreenShown = false;
    page.on('response', (response) => {
      if (firstScreenShown || response.request().resourceType() !== 'script') return;
      scripts.push(
        response.body().then((body) => ({
          path: new URL(response.url()).pathname,
          bytes: body.length,
          gzipBytes: gzipSync(body, { level: 9 }).length,
        })),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.getByTestId('start-first-breath').waitFor({ state: 'visible' });
    firstScreenShown = true;
    const files = await Promise.all(scripts);
    return {
      files,
      totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
      totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    };
  } finally {
    await context.close();
  }
}
