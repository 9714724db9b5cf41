import { seededRandom } from '@exhale/core/coach';
import { buildApp, type App } from '../../app';
import type { ServerAnalytics } from '../../lib/analytics/server-analytics';
import type { ChatRequestBody } from '../../lib/llm/local-openai-server';
import { openTestDatabase, testEnv, type TestDatabase } from '../../testing/databases';

export const DEVICE_ID = 'test-device-0123456789';
export const HEADERS = { 'x-device-id': DEVICE_ID };
export const SSE_HEADERS = { ...HEADERS, accept: 'text/event-stream' };

export type SseEvent = { event: string; data: unknown };

/** Parses a Server-Sent Events body the way a client would: blank-line separated blocks. */
export function parseSse(body: string): SseEvent[] {
  return (
    body
      .split('\n\n')
      // Blocks of comment lines only (": …") carry no event.
      .filter((block) => block.split('\n').some((line) => line !== '' && !line.startsWith(':')))
      .map((block) => {
        const lines = block.split('\n');
        const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
        const data = lines
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        return { event, data: JSON.parse(data) as unknown };
      })
  );
}

/** The event names in order, with runs of deltas folded into one, e.g. delta,retry,delta,done. */
export function eventOrder(events: SseEvent[]): string {
  return events
    .map((event) => event.event)
    .filter((name, i, names) => !(name === 'delta' && names[i - 1] === 'delta'))
    .join(',');
}

export function deltaText(events: SseEvent[]): string {
  return events
    .filter((event) => event.event === 'delta')
    .map((event) => (event.data as { text: string }).text)
    .join('');
}

/** Which coach prompt a request to the model carries. */
export function purposeOf(body: ChatRequestBody): 'onboarding' | 'plan' | 'feedback' {
  const system = body.messages[0]?.content ?? '';
  if (system.includes('onboarding')) return 'onboarding';
  if (system.includes('before a breathing session')) return 'plan';
  return 'feedback';
}

export type CoachTestApps = {
  /** An app on a fresh env; all share one database (the coach never touches it). */
  start(
    env?: Record<string, string>,
    options?: { now?: () => number; analytics?: ServerAnalytics },
  ): Promise<App>;
  closeAll(): Promise<void>;
};

/**
 * The coach does not use the database, but an app needs one: a Postgres schema opens in
 * milliseconds where PGlite takes seconds, so these suites use that alone.
 */
export function coachTestApps(): CoachTestApps {
  let store: TestDatabase | undefined;
  const apps: App[] = [];
  return {
    async start(env = {}, { analytics, ...coach } = {}) {
      store ??= await openTestDatabase('postgres');
      const app = buildApp({
        env: testEnv({ DATABASE_URL: store.env.DATABASE_URL ?? '', ...env }),
        db: store.db,
        coach: { random: seededRandom(7), ...coach },
        ...(analytics ? { analytics } : {}),
      });
      apps.push(app);
      await app.ready();
      return app;
    },
    async closeAll() {
      await Promise.all(apps.splice(0).map((app) => app.close()));
      await store?.dispose();
      store = undefined;
    },
  };
}
