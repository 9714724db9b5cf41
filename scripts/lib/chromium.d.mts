import type { BrowserContext } from 'playwright-core';

export function chromiumPath(): string;
export const chromiumArgs: string[];
export function launchChromium(options?: {
  viewport?: { width: number; height: number };
  extraArgs?: string[];
}): Promise<BrowserContext>;
