import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

import { completeOnboarding, expectText } from './app-page';

/**
 * From first launch to the post-session screen: the welcome chat (chips), the introduction,
 * the calm rating, then First Breath on Playwright's fake clock (installed by the caller),
 * fast-forwarded past 3:00.
 */
export async function completeFirstBreath(page: Page, sessionStart: Date) {
  await completeOnboarding(page);
  await page.getByTestId('onboarding-continue').click();
  await page.getByTestId('introduction').waitFor();
  await page.getByTestId('start-session').click();
  await page.getByTestId('calm-before-rating-2').click();
  await page.clock.pauseAt(sessionStart);
  await page.getByTestId('calm-before-start').click();
  await page.getByTestId('phase-label').waitFor();
  await page.clock.runFor(100);
  await expectText(page, 'breath-counter', 'Breath 1 of 18');
  await page.clock.runFor(180_000);
  await page.getByTestId('session-complete').waitFor();
  await page.clock.resume();
}

const SHOT_SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

/**
 * Screenshots for people to look at, only when E2E_SHOTS_DIR names a folder: the whole
 * screen at phone and desktop width. The app scrolls inside its own view, so the window is
 * made tall enough to show everything, then put back.
 */
export async function shoot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const original = page.viewportSize();
  for (const size of SHOT_SIZES) {
    await page.setViewportSize(size);
    const content = await page.evaluate(() =>
      Math.max(...Array.from(document.querySelectorAll('div'), (div) => div.scrollHeight)),
    );
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, content) });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(dir, `${name}-${size.width}.png`) });
  }
  if (original) await page.setViewportSize(original);
}

/** The progress screen's headline figures, once it has loaded. */
export async function progressFigures(page: Page) {
  await page.getByTestId('progress-screen').waitFor();
  await page.getByTestId('stat-sessions').waitFor();
  const read = async (id: string) =>
    ((await page.getByTestId(id).first().textContent()) ?? '').trim();
  return {
    streak: await read('stat-streak'),
    sessions: await read('stat-sessions'),
    minutes: await read('stat-minutes'),
  };
}

export async function expectProgress(
  page: Page,
  expected: { streak: string; sessions: string; minutes: string },
) {
  await expect
    .poll(() => progressFigures(page), { timeout: 15_000, interval: 100 })
    .toEqual(expected);
}
