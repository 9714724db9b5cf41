import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { baseUrl, completeOnboarding, expectText, openApp, textOf } from './app-page';

// The session is driven by Playwright's fake clock: time only moves when the test says so,
// so 180 s of breathing takes a few seconds and every boundary is checked at a known time.
describe('First Breath in the browser', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openApp());
    await page.clock.install({ time: new Date('2026-11-25T07:30:00Z') });
    await page.goto(baseUrl());
    // A returning person: the welcome chat is done, so the app opens on home.
    await completeOnboarding(page);
    await page.goto(baseUrl());
    await page.getByTestId('start-first-breath').waitFor();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('runs 18 breaths with pause and resume, completes, and is stored after a reload', async () => {
    await page.clock.pauseAt(new Date('2026-11-25T07:31:00Z'));
    await page.getByTestId('start-first-breath').click();
    await page.getByTestId('calm-before-skip').click(); // the clock starts here
    await page.getByTestId('phase-label').waitFor();
    await page.clock.runFor(100);
    await expectText(page, 'phase-label', 'Breathe in');
    await expectText(page, 'breath-counter', 'Breath 1 of 18');
    await expectText(page, 'phase-seconds', '5');

    await page.clock.runFor(4_850); // 4.95 s into the session
    await expectText(page, 'phase-label', 'Breathe in');
    await page.clock.runFor(100); // 5.05 s
    await expectText(page, 'phase-label', 'Breathe out');
    await expectText(page, 'breath-counter', 'Breath 1 of 18');

    await page.clock.runFor(7_000); // 12.05 s: second breath, inhaling
    await expectText(page, 'breath-counter', 'Breath 2 of 18');
    await expectText(page, 'phase-label', 'Breathe in');

    await page.getByTestId('pause-button').click();
    await page.getByTestId('resume-button').waitFor();
    const secondsWhenPaused = await textOf(page, 'phase-seconds');
    await page.clock.runFor(60_000); // a minute away from the session changes nothing
    await expectText(page, 'breath-counter', 'Breath 2 of 18');
    await expectText(page, 'phase-label', 'Breathe in');
    expect(await textOf(page, 'phase-seconds')).toBe(secondsWhenPaused);

    await page.getByTestId('resume-button').click();
    await page.getByTestId('pause-button').waitFor();
    // 12.05 s were active before the pause; the next boundary (15 s) comes 2.95 s later.
    await page.clock.runFor(2_900);
    await expectText(page, 'phase-label', 'Breathe in');
    await page.clock.runFor(100);
    await expectText(page, 'phase-label', 'Breathe out');

    // Breath 18 starts at 170 s of active time: 155 s from here.
    await page.clock.runFor(154_900);
    await expectText(page, 'breath-counter', 'Breath 17 of 18');
    await page.clock.runFor(100);
    await expectText(page, 'breath-counter', 'Breath 18 of 18');
    await expectText(page, 'phase-label', 'Breathe in');

    await page.clock.runFor(10_050);
    await page.getByTestId('session-complete').waitFor();
    expect(await textOf(page, 'session-complete')).toMatch(/Session complete/);

    await page.clock.resume();
    await page.reload();
    await page.getByTestId('recent-sessions').waitFor();
    await expect
      .poll(() => textOf(page, 'recent-sessions'), { timeout: 15_000 })
      .toMatch(/Completed/);
  });
});
