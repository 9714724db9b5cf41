import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { baseUrl, completeOnboarding, expectText, openApp, textOf } from './app-page';

// The whole first run against the real API with no language model configured, so the
// API's scripted coach answers (streamed over SSE) — the default on a fresh install.
// The session runs on Playwright's fake clock, fast-forwarded; the chat runs in real time.
describe('the first-run journey in the browser', () => {
  let context: BrowserContext;
  let page: Page;
  const coachCalls: string[] = [];

  beforeAll(async () => {
    ({ context, page } = await openApp());
    page.on('request', (request) => {
      if (request.url().includes('/v1/coach/')) {
        coachCalls.push(`${new URL(request.url()).pathname} ${request.postData() ?? ''}`);
      }
    });
    await page.clock.install({ time: new Date('2026-11-25T07:30:00Z') });
    await page.goto(baseUrl());
  });

  afterAll(async () => {
    await context?.close();
  });

  it('onboards, introduces, guides First Breath with a check-in, gathers ratings and feedback, and remembers', async () => {
    // 1. The welcome chat, on first launch, answered with chips (the name typed).
    await completeOnboarding(page, 'Robin');
    expect(await textOf(page, 'chat-messages')).toMatch(/Robin/);
    await page.getByTestId('onboarding-continue').click();

    // 2. The introduction: the facts, and the coach's personal words from the API.
    await page.getByTestId('introduction').waitFor();
    expect(await textOf(page, 'what-will-happen')).toMatch(/5 seconds.*18.*3:00/s);
    await page.getByTestId('coach-introduction-text').waitFor();
    await expect
      .poll(() => textOf(page, 'coach-introduction-text'), { timeout: 15_000 })
      .toMatch(/breath/i);
    expect(coachCalls.some((call) => call.startsWith('/v1/coach/session-plan'))).toBe(true);

    // 3. The calm rating before the clock starts, then the session on the fake clock.
    await page.getByTestId('start-session').click();
    await page.getByTestId('calm-before-rating-2').click();
    await page.clock.pauseAt(new Date('2026-11-25T07:40:00Z'));
    await page.getByTestId('calm-before-start').click();
    await page.getByTestId('phase-label').waitFor();
    await page.clock.runFor(100);
    await expectText(page, 'breath-counter', 'Breath 1 of 18');

    await page.clock.runFor(29_800); // 29.9 s: the end of breath 3, no check-in yet
    await expectText(page, 'breath-counter', 'Breath 3 of 18');
    expect(await page.getByTestId('check-in').count()).toBe(0);
    await page.clock.runFor(1_000); // breath 4: the coach's first check-in
    await expectText(page, 'breath-counter', 'Breath 4 of 18');
    await page.getByTestId('check-in').waitFor();
    expect((await textOf(page, 'check-in')).length).toBeGreaterThan(10);

    await page.clock.runFor(150_000);
    await page.clock.runFor(10_000); // past 3:00
    await page.getByTestId('session-complete').waitFor();
    expect(await textOf(page, 'session-complete-summary')).toBe('3 minutes · 18 breaths');

    // 4. Rating afterwards, then the coach's feedback streams in.
    await page.clock.resume();
    await page.getByTestId('calm-after-rating-4').click();
    await page.getByTestId('coach-feedback-text').waitFor();
    await expect
      .poll(() => textOf(page, 'coach-feedback-text'), { timeout: 15_000 })
      .toMatch(/18 slow.*2.*4|2 before and 4|from 2 to 4/s);
    await page.getByTestId('session-note').fill('Shoulders dropped. Robin felt lighter.');
    await page.getByTestId('save-note').click();
    await expect
      .poll(() => page.getByText('Note saved on this device.').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await textOf(page, 'same-time-tomorrow')).toMatch(/tomorrow morning/);

    // Nothing personal left the device: no name, no note.
    expect(coachCalls.length).toBeGreaterThanOrEqual(5);
    for (const call of coachCalls) {
      expect(call).not.toMatch(/robin|shoulders dropped/i);
    }

    // 5. After a reload: home, greeting by name, with the session; no onboarding.
    await page.reload();
    await page.getByTestId('recent-sessions').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('onboarding').count()).toBe(0);
    await expect.poll(() => page.getByText(/, Robin\.$/).count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => textOf(page, 'recent-sessions'), { timeout: 15_000 })
      .toMatch(/Completed/);
  });
});
