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
