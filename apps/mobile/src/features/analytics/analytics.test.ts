import { gunzipSync } from 'node:zlib';

import { createTestStorage } from '@/test-utils/test-storage';

import { ANALYTICS_CONSENT_KEY, createAnalytics } from './analytics';
import type { AnalyticsBackend, BackendConfig } from './analytics-backend';
import { EVENT_SCHEMAS, type AnalyticsEvent } from './events';
import { createPostHogBackend } from './posthog-backend';

// One of every event, with the values the app really sends.
const EVERY_EVENT: AnalyticsEvent[] = [
  { name: 'analytics_enabled', properties: {} },
  {
    name: 'onboarding_completed',
    properties: { experience: 'beginner', goal: 'sleep', preferred_time: 'custom' },
  },
  { name: 'session_started', properties: { pattern_id: 'first-breath' } },
  {
    name: 'session_completed',
    properties: { pattern_id: 'first-breath', status: 'completed', minutes: 3, day: '2026-11-25' },
  },
  { name: 'badge_earned', properties: { badge_id: 'first-breath', day: '2026-11-25' } },
  { name: 'progress_viewed', properties: { sessions: '2-9', streaks_shown: true } },
  { name: 'reminder_enabled', properties: { time_kind: 'custom', platform_notifications: true } },
  { name: 'reminder_disabled', properties: {} },
  { name: 'reminder_permission', properties: { granted: false } },
  { name: 'data_exported', properties: { sessions: '10-49' } },
  { name: 'data_imported', properties: { sessions_added: '1' } },
  { name: 'data_deleted', properties: {} },
  { name: 'retention_changed', properties: { policy: '30d' } },
];

// What the person typed or told the app, none of which may ever leave the device.
const PERSONAL = {
  name: 'Ana Lucía',
  email: 'ana.lucia@example.com',
  note: 'Chest felt tight after the call with my boss',
};

function recordingBackend() {
  const captured: { name: string; properties: Record<string, unknown>; timestamp: Date }[] = [];
  const configs: BackendConfig[] = [];
  let shutdowns = 0;
  const create = async (config: BackendConfig): Promise<AnalyticsBackend> => {
    configs.push(config);
    return {
      capture: (name, properties, { timestamp }) => captured.push({ name, properties, timestamp }),
      flush: async () => {},
      shutdown: async () => {
        shutdowns += 1;
      },
    };
  };
  return { create, captured, configs, shutdowns: () => shutdowns };
}

const NOW = new Date('2026-11-25T07:43:12.345Z');

describe('analytics consent', () => {
  it('sends nothing until the person opts in, even with a key configured', async () => {
    const storage = await createTestStorage();
    const backend = recordingBackend();
    const analytics = createAnalytics({
      config: () => ({ apiKey: 'phc_test', host: 'https://posthog.example' }),
      createBackend: backend.create,
      now: () => NOW,
    });

    await analytics.start(storage.settings);
    analytics.track(EVERY_EVENT[2]!);

    expect(analytics.active).toBe(false);
    expect(backend.configs).toEqual([]);
    expect(await storage.settings.get(ANALYTICS_CONSENT_KEY, null)).toBeNull();
  });

  it('stays off without a key, whatever the consent', async () => {
    const storage = await createTestStorage();
    const backend = recordingBackend();
    const analytics = createAnalytics({
      config: () => ({ apiKey: null, host: 'https://posthog.example' }),
      createBackend: backend.create,
    });

    await analytics.setConsent(storage.settings, true);
    analytics.track(EVERY_EVENT[2]!);

    expect(analytics.active).toBe(false);
    expect(backend.configs).toEqual([]);
  });

  it('starts after opting in, with one random id kept across launches, and stops on opt-out', async () => {
    const storage = await createTestStorage();
    const backend = recordingBackend();
    const options = {
      config: () => ({ apiKey: 'phc_test', host: 'https://posthog.example' }),
      createBackend: backend.create,
      now: () => NOW,
    };
    const analytics = createAnalytics(options);

    await analytics.setConsent(storage.settings, true);
    analytics.track(EVERY_EVENT[3]!);
    expect(backend.captured.map((event) => event.name)).toEqual([
      'analytics_enabled',
      'session_completed',
    ]);
    // The next launch: same id, started from the stored choice.
    const nextLaunch = createAnalytics(options);
    await nextLaunch.start(storage.settings);
    expect(backend.configs).toHaveLength(2);
    expect(backend.configs[1]!.anonymousId).toBe(backend.configs[0]!.anonymousId);
    expect(backend.configs[0]!.anonymousId).toMatch(/^[0-9a-f]{32}$/);

    await analytics.setConsent(storage.settings, false);
    analytics.track(EVERY_EVENT[3]!);
    expect(backend.shutdowns()).toBe(1);
    expect(backend.captured).toHaveLength(2);
  });

  it('drops an event whose properties stray from its list instead of sending them', async () => {
    const storage = await createTestStorage();
    const backend = recordingBackend();
    const analytics = createAnalytics({
      config: () => ({ apiKey: 'phc_test', host: 'https://posthog.example' }),
      createBackend: backend.create,
    });
    await analytics.setConsent(storage.settings, true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});

    analytics.track({
      name: 'session_started',
      properties: { pattern_id: 'first-breath', note: PERSONAL.note } as never,
    });
    analytics.track({ name: 'session_started', properties: { pattern_id: PERSONAL.note } });
    analytics.track({
      name: 'badge_earned',
      properties: { badge_id: 'first-breath', day: '2026-11-25T07:43:12Z' },
    });

    expect(backend.captured.map((event) => event.name)).toEqual(['analytics_enabled']);
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });
});

// The real PostHog SDK, its HTTP requests caught: every payload that would leave the device
// is read back and checked for anything personal.
describe('what PostHog would receive', () => {
  const sent: unknown[] = [];
  const requests: string[] = [];
  const realFetch = globalThis.fetch;

  // The SDK gzips batches into a Blob where it can; read them back either way.
  async function bodyText(body: unknown): Promise<string> {
    if (body === undefined || body === null) return 'null';
    if (typeof body === 'string') return body;
    const bytes = Buffer.from(await (body as Blob).arrayBuffer());
    return bytes[0] === 0x1f && bytes[1] === 0x8b
      ? gunzipSync(bytes).toString('utf8')
      : bytes.toString('utf8');
  }

  beforeEach(() => {
    sent.length = 0;
    requests.length = 0;
    globalThis.fetch = jest.fn(async (url: unknown, init?: { body?: unknown }) => {
      requests.push(String(url));
      sent.push(JSON.parse(await bodyText(init?.body)));
      return new Response(JSON.stringify({ status: 1 }), { status: 200 });
    }) as unknown as typeof fetch;
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('carries only the listed properties, the day, and a random id for every event', async () => {
    const storage = await createTestStorage();
    await storage.profile.save({
      name: PERSONAL.name,
      experience: 'beginner',
      goal: 'sleep',
      safety: null,
      preferredTime: { kind: 'custom', time: '07:15' },
      onboardedAt: NOW.toISOString(),
    });
    let backend: AnalyticsBackend | null = null;
    const analytics = createAnalytics({
      config: () => ({ apiKey: 'phc_test', host: 'https://posthog.example' }),
      createBackend: async (config) => (backend = await createPostHogBackend(config)),
      now: () => NOW,
    });
    await analytics.setConsent(storage.settings, true);

    for (const event of EVERY_EVENT.slice(1)) analytics.track(event);
    await (backend as AnalyticsBackend | null)?.flush();

    const events = sent
      .filter((body) => body !== null)
      .flatMap((body) => {
        const batch = (body as { batch?: unknown[] } | null)?.batch;
        return Array.isArray(batch) ? batch : [body];
      }) as {
      event: string;
      properties: Record<string, unknown>;
      timestamp?: string;
      distinct_id?: string;
    }[];
    // Besides event batches, only the SDK's static config is fetched (a plain GET with the
    // project key): no feature-flag call, which would send the id and device details.
    const paths = requests.map((url) => new URL(url).pathname);
    expect(paths.filter((path) => !path.startsWith('/batch'))).toEqual(
      paths.filter((path) => path === '/array/phc_test/config'),
    );
    expect(paths).toContain('/batch/');
    const names = events.map((event) => event.event);
    expect(new Set(names)).toEqual(new Set(Object.keys(EVENT_SCHEMAS)));

    for (const event of events) {
      const text = JSON.stringify(event);
      expect(text).not.toContain('Ana');
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text).not.toContain('tight');
      // The device's own name and its zone are blanked; no IP-based location.
      expect(event.properties.$device_name ?? null).toBeNull();
      expect(event.properties.$timezone ?? null).toBeNull();
      expect(event.properties.$geoip_disable).toBe(true);
      // Times: the day only. The event's timestamp is noon UTC of that day, and no property
      // holds a time of day.
      expect(event.timestamp).toBe('2026-11-25T12:00:00.000Z');
      for (const [key, value] of Object.entries(event.properties)) {
        if (typeof value === 'string' && !key.startsWith('$')) {
          expect(value).not.toMatch(/T\d{2}:\d{2}/);
          expect(value.length).toBeLessThanOrEqual(40);
        }
      }
      // Our own properties are exactly the listed ones.
      const ours = Object.keys(event.properties).filter((key) => !key.startsWith('$'));
      const listed = Object.keys(
        (EVENT_SCHEMAS[event.event as keyof typeof EVENT_SCHEMAS] as { shape: object }).shape,
      );
      expect(ours.sort()).toEqual(listed.sort());
      expect(event.distinct_id ?? event.properties.distinct_id).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
