import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

import { launchChromium } from '../scripts/lib/chromium.mjs';

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url)
    throw new Error('E2E_BASE_URL is not set: run the end-to-end tests with `npm run test:e2e`.');
  return url;
}

export async function openApp(
  viewport = { width: 390, height: 844 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchChromium({ viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

export async function expectText(page: Page, testId: string, expected: string | RegExp) {
  await expect
    .poll(() => textOf(page, testId), { timeout: 15_000, interval: 50 })
    .toMatch(typeof expected === 'string' ? new RegExp(`^${escape(expected)}$`) : expected);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Waits for an element to be there and enabled. Playwright's own waits, not expect.poll,
 * so it also works in set-up hooks, outside a test.
 */
async function enabled(page: Page, testId: string) {
  const element = page.locator(`[data-testid="${testId}"]:not([aria-disabled="true"])`);
  await element.first().waitFor({ timeout: 15_000 });
  return element.first();
}

/** Taps a quick reply once the coach has asked its question (the chips are enabled). */
export async function tapChip(page: Page, value: string) {
  await (await enabled(page, `chip-${value}`)).click();
}

/** Types an answer into the chat and sends it with the keyboard, as a person would. */
export async function typeReply(page: Page, text: string) {
  const input = page.getByTestId('chat-input');
  await input.waitFor();
  await input.fill(text);
  await enabled(page, 'chat-send'); // enabled once there is text and the coach is not writing
  await input.press('Enter');
}

/**
 * The welcome chat a new person sees on first launch, answered with chips (and a typed
 * name when given), ending on its "continue" button.
 */
export async function completeOnboarding(page: Page, name: string | null = null) {
  await page.getByTestId('onboarding').waitFor();
  if (name === null) await tapChip(page, 'skip');
  else await typeReply(page, `I'm ${name}`);
  await tapChip(page, 'beginner');
  await tapChip(page, 'stress');
  await tapChip(page, 'none');
  await tapChip(page, 'morning');
  await enabled(page, 'onboarding-continue');
}
