import { readFileSync } from 'node:fs';

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { baseUrl, expectText, openApp } from './app-page';
import { completeFirstBreath, expectProgress, shoot } from './progress-page';

const AFTER_FIRST_BREATH = { streak: '1 day', sessions: '1', minutes: '3 minutes' };

// One person's first day: First Breath on Playwright's fake clock, then progress, a reminder
// time, and their data out, gone and back in. Chromium runs in the machine's zone (UTC).
describe('progress, reminders and data in the browser', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openApp());
    // As if the person had allowed notifications when the browser asked.
    await context.grantPermissions(['notifications'], { origin: new URL(baseUrl()).origin });
    await page.clock.install({ time: new Date('2026-11-25T07:30:00Z') });
    await page.goto(baseUrl());
  });

  afterAll(async () => {
    await context?.close();
  });

  it('celebrates First Breath, shows progress, schedules a reminder, and survives export, delete and import', async () => {
    await completeFirstBreath(page, new Date('2026-11-25T07:40:00Z'));

    // The post-session moment: the badge and day 1 of the streak.
    await page.getByTestId('new-badge-first-breath').waitFor();
    await expectText(page, 'progress-moment-streak', 'Day 1 of your streak. A fresh start.');
    await shoot(page, 'session-complete');

    // Home links to progress, which shows the first day.
    await page.getByTestId('back-home-button').click();
    await page.getByTestId('open-progress').waitFor();
    await shoot(page, 'home');
    await page.getByTestId('open-progress').click();
    await expectProgress(page, AFTER_FIRST_BREATH);
    await page.getByTestId('badge-earned-first-breath').waitFor();
    expect(await page.getByTestId('badge-earned-first-breath').textContent()).toMatch(
      /First Breath.*Earned 25 Nov 2026/,
    );
    await page.getByTestId('weekly-chart').locator('svg').first().waitFor();
    await shoot(page, 'progress');

    // A reminder time in settings; the app says what it scheduled.
    await page.getByRole('button', { name: '‹ Back' }).click();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('reminder-time-custom').click();
    await page.getByTestId('reminder-custom-time').fill('18:30');
    await page.getByTestId('reminder-custom-save').click();
    await expectText(page, 'reminder-status', /18:30/);
    const toggle = page.getByRole('switch', { name: 'Remind me each day' });
    if (!(await toggle.isChecked())) await toggle.click();
    // Today is practised, so the first reminder is tomorrow's.
    await expectText(
      page,
      'reminder-status',
      'Daily reminder at 18:30. Next: 26 Nov 2026 at 18:30. Today’s practice is done, so today’s reminder is skipped.',
    );
    await shoot(page, 'settings');

    // Export: a JSON file with the session, its rating and the badge.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-data').click(),
    ]);
    expect(download.suggestedFilename()).toBe('exhale-export-2026-11-25.json');
    const file = (await download.path()) as string;
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({
      format: 'exhale-export',
      sessions: [{ status: 'completed', activeMs: 180_000, calmBefore: 2 }],
      badges: [{ id: 'first-breath', earnedAt: '2026-11-25' }],
      profile: { preferredTime: { kind: 'custom', time: '18:30' } },
    });

    // Delete everything (after confirming), and progress is empty.
    await page.getByTestId('delete-all-data').click();
    await page.getByTestId('delete-confirm').click();
    await expectText(
      page,
      'privacy-message',
      'Everything Exhale kept on this device has been deleted.',
    );
    await page.goto(`${baseUrl()}/progress`);
    await expectProgress(page, { streak: '0 days', sessions: '0', minutes: '0 minutes' });

    // Import the file: everything is back.
    await page.goto(`${baseUrl()}/settings`);
    await page.getByTestId('import-data').waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('import-data').click(),
    ]);
    await chooser.setFiles(file);
    await expectText(
      page,
      'privacy-message',
      'Import complete: 1 session added, 1 badge restored, your profile restored.',
    );
    await expectText(page, 'reminder-status', /Daily reminder at 18:30/);
    await page.goto(`${baseUrl()}/progress`);
    await expectProgress(page, AFTER_FIRST_BREATH);
    await page.getByTestId('badge-earned-first-breath').waitFor();
  });

  it('refuses a file that is not an Exhale export, with a clear message', async () => {
    await page.goto(`${baseUrl()}/settings`);
    await page.getByTestId('import-data').waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('import-data').click(),
    ]);
    await chooser.setFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ hello: 'world' })),
    });
    await expectText(
      page,
      'privacy-error',
      /not an Exhale export.*Nothing on this device was changed\./,
    );
    await page.goto(`${baseUrl()}/progress`);
    await expectProgress(page, AFTER_FIRST_BREATH);
  });
});
