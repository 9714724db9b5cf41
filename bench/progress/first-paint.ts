import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { withServedApp } from '../lib/served-app';
import { generateHistory } from './history';

const RUNS = 5;

/** Runs in the page: notes when the sessions figure shows `expected`, then its next frame. */
function watchProgressPaint(expected: string) {
  const state = window as unknown as { __progressPaintAt?: number };
  const observer = new MutationObserver(() => {
    const figure = document.querySelector('[data-testid="stat-sessions"]');
    if (figure?.textContent?.trim() !== expected) return;
    observer.disconnect();
    // The frame after the DOM change is the one that paints it.
    requestAnimationFrame(() => {
      state.__progressPaintAt = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function importHistory(page: Page, url: string, file: string) {
  await page.goto(`${url}/settings`);
  await page.getByTestId('import-data').waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('import-data').click(),
  ]);
  const started = performance.now();
  await chooser.setFiles(file);
  await page.getByTestId('privacy-message').waitFor({ timeout: 120_000 });
  return performance.now() - started;
}

/** With BENCH_SHOTS_DIR set: the screen with five years of data, whole, phone and desktop. */
async function screenshots(page: Page) {
  const dir = process.env.BENCH_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const shots = [
    { width: 390, scheme: 'light' },
    { width: 1280, scheme: 'light' },
    { width: 390, scheme: 'dark' },
  ] as const;
  for (const { width, scheme } of shots) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 800 });
    const height = await page.evaluate(() =>
      Math.max(...Array.from(document.querySelectorAll('div'), (div) => div.scrollHeight)),
    );
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(dir, `progress-5-years-${width}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * The progress screen opened in Chromium with five years of history (~5,400 sessions) in
 * the browser's on-device SQLite (imported through Settings, as a person would): from
 * navigation start to the frame that paints the figures, cold page load each time (app
 * boot, SQLite open in its worker, the screen's chunk, the lean query and the computation).
 */
export async function runProgressPaintBench(): Promise<number> {
  const { sessions } = generateHistory();
  const dir = mkdtempSync(join(tmpdir(), 'exhale-bench-paint-'));
  const file = join(dir, 'history.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'exhale-export',
      version: 1,
      exportedAt: new Date().toISOString(),
      profile: null,
      settings: {},
      sessions,
      badges: [],
    }),
  );
  try {
    return await withServedApp(async (url) => {
      const context = await launchChromium();
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const importMs = await importHistory(page, url, file);
        await page.addInitScript('window.__name = (fn) => fn;');
        await page.addInitScript(watchProgressPaint, String(sessions.length));
        const samples: number[] = [];
        for (let run = 0; run < RUNS; run += 1) {
          await page.goto(`${url}/progress`);
          await page.waitForFunction('window.__progressPaintAt !== undefined', null, {
            timeout: 60_000,
          });
          samples.push((await page.evaluate('window.__progressPaintAt')) as number);
        }
        await screenshots(page);
        samples.sort((a, b) => a - b);
        const median = samples[Math.floor(samples.length / 2)] ?? NaN;
        console.log(
          `  Chromium: import of ${sessions.length} sessions through Settings ${(importMs / 1000).toFixed(1)} s (setup); ` +
            `progress screen painted with them ${median.toFixed(0)} ms after navigation start ` +
            `(median of ${RUNS} cold loads; min ${samples[0]?.toFixed(0)}, max ${samples[samples.length - 1]?.toFixed(0)})`,
        );
        return median;
      } finally {
        await context.close();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
