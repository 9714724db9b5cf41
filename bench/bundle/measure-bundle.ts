import { gzipSync } from 'node:zlib';

import { launchChromium } from '../../scripts/lib/chromium.mjs';

export interface BundleFile {
  path: string;
  bytes: number;
  gzipBytes: number;
  beforeFirstScreen: boolean;
}

export interface BundleReport {
  files: BundleFile[];
  totalBytes: number;
  totalGzipBytes: number;
}

/** A first screen: what marks it as shown, and what the browser remembers beforehand. */
export interface FirstScreen {
  name: string;
  selector: string;
  /** Judged against the budget; otherwise printed for the record. */
  budgeted: boolean;
  /** Runs in the page before the app: e.g. the returning visitor's stored hints. */
  initScript?: string;
}

export const FIRST_SCREENS: FirstScreen[] = [
  // The budget is the app shell's (home), the screen people open every day. A returning
  // visitor's browser holds the hint that the welcome chat was finished.
  {
    name: 'returning visitor (home)',
    selector: '[data-testid="start-first-breath"]',
    budgeted: true,
    initScript: "localStorage.setItem('exhale.onboarded', '1');",
  },
  // A new visitor's first screen is the welcome chat: the shell plus the coach, and the
  // on-device database starting to load beside it. Recorded, not yet held to the budget.
  { name: 'new visitor (welcome chat)', selector: '[data-testid="onboarding"]', budgeted: false },
];

/** Runs in the page: notes the moment the first screen's primary button enters the DOM. */
function watchFirstScreen(selector: string) {
  const record = () => {
    if (document.querySelector(selector)) {
      (window as unknown as { __firstScreenAt: number }).__firstScreenAt =
        performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Loads the app in a fresh Chromium profile and sums the JavaScript whose request started
 * before the first screen was in the DOM: what a person's browser must fetch to see it.
 * Scripts requested afterwards (on-device storage, later screens) are listed but not counted.
 */
export async function measureFirstScreenJs(
  url: string,
  screen: FirstScreen,
): Promise<BundleReport> {
  const context = await launchChromium();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript('window.__name = (fn) => fn;');
    if (screen.initScript) await page.addInitScript(screen.initScript);
    await page.addInitScript(watchFirstScreen, screen.selector);
    type Fetched = Omit<BundleFile, 'beforeFirstScreen'> & { startedAt: number };
    const scripts: Promise<Fetched | null>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        response.body().then(
          (body) => ({
            path: new URL(response.url()).pathname,
            startedAt: response.request().timing().startTime,
            bytes: body.length,
            gzipBytes: gzipSync(body, { level: 9 }).length,
          }),
          // A prefetch still in flight when the page closes is not part of the first screen.
          () => null,
        ),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.locator(screen.selector).waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    const firstScreenAt = (await page.evaluate('window.__firstScreenAt')) as number;
    const fetched = (await Promise.all(scripts)).filter((file) => file !== null);
    const files = fetched.map(({ startedAt, ...file }) => ({
      ...file,
      beforeFirstScreen: startedAt <= firstScreenAt,
    }));
    const counted = files.filter((file) => file.beforeFirstScreen);
    return {
      files,
      totalBytes: counted.reduce((sum, file) => sum + file.bytes, 0),
      totalGzipBytes: counted.reduce((sum, file) => sum + file.gzipBytes, 0),
    };
  } finally {
    await context.close();
  }
}
