import type { SettingsRepository } from '@/lib/storage';

import type { AnalyticsBackend, CreateBackend } from './analytics-backend';
import type { AnalyticsEvent } from './events';
import { loadAnalyticsModules } from './load-analytics';

/** Settings key: the person's analytics choice. Absent means no: off until opt-in. */
export const ANALYTICS_CONSENT_KEY = 'privacy.analytics';
const ANONYMOUS_ID_KEY = 'analytics.anonymousId';
const DEFAULT_HOST = 'https://eu.i.posthog.com';

export interface AnalyticsConfig {
  apiKey: string | null;
  host: string;
}

/** The build's PostHog settings; without a key analytics stays off whatever the consent. */
export function analyticsConfig(): AnalyticsConfig {
  const apiKey = process.env.EXPO_PUBLIC_POSTHOG_KEY?.trim() || null;
  const host = process.env.EXPO_PUBLIC_POSTHOG_HOST?.trim() || DEFAULT_HOST;
  return { apiKey, host };
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Noon UTC of the event's day: PostHog learns the day something happened, not the time. */
function dayTimestamp(now: Date): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T12:00:00.000Z`);
}

async function defaultBackend(config: Parameters<CreateBackend>[0]) {
  const { posthog } = await loadAnalyticsModules();
  return posthog.createPostHogBackend(config);
}

export interface Analytics {
  /** Reads the stored choice and starts sending if the person opted in and a key is set. */
  start(settings: SettingsRepository): Promise<void>;
  /** Stores the choice; turning it on starts sending, off stops and forgets the queue. */
  setConsent(settings: SettingsRepository, consent: boolean): Promise<void>;
  /** Sends the event when analytics is on; otherwise does nothing at all. */
  track(event: AnalyticsEvent): void;
  /** After "delete all data": stop, and start from a fresh anonymous id next time. */
  forget(): Promise<void>;
  readonly active: boolean;
}

export function createAnalytics(
  options: {
    config?: () => AnalyticsConfig;
    createBackend?: CreateBackend;
    now?: () => Date;
  } = {},
): Analytics {
  const readConfig = options.config ?? analyticsConfig;
  const createBackend = options.createBackend ?? defaultBackend;
  const now = options.now ?? (() => new Date());
  let backend: AnalyticsBackend | null = null;
  // The event schemas (zod) load with the backend, so people who never opt in never load
  // them, and the first screen's bundle stays small.
  let check: ((event: AnalyticsEvent) => Record<string, unknown> | null) | null = null;
  let starting: Promise<void> | null = null;

  async function startBackend(settings: SettingsRepository): Promise<void> {
    const { apiKey, host } = readConfig();
    if (apiKey === null || backend !== null) return;
    let anonymousId = await settings.get<string | null>(ANONYMOUS_ID_KEY, null);
    if (anonymousId === null) {
      anonymousId = randomId();
      await settings.set(ANONYMOUS_ID_KEY, anonymousId);
    }
    const [{ events }, created] = await Promise.all([
      loadAnalyticsModules(),
      createBackend({ apiKey, host, anonymousId }),
    ]);
    check = events.checkedProperties;
    backend = created;
  }

  async function stop(): Promise<void> {
    const current = backend;
    backend = null;
    await current?.shutdown().catch(() => undefined);
  }

  return {
    get active() {
      return backend !== null;
    },
    async start(settings) {
      if (!(await settings.get<boolean>(ANALYTICS_CONSENT_KEY, false))) return;
      starting ??= startBackend(settings).finally(() => {
        starting = null;
      });
      await starting;
    },
    async setConsent(settings, consent) {
      await settings.set(ANALYTICS_CONSENT_KEY, consent);
      if (!consent) {
        await stop();
        return;
      }
      await startBackend(settings);
      this.track({ name: 'analytics_enabled', properties: {} });
    },
    track(event) {
      if (backend === null || check === null) return;
      const properties = check(event);
      if (properties === null) {
        console.warn(`[analytics] dropped ${event.name}: its properties do not match the list`);
        return;
      }
      backend.capture(event.name, properties, { timestamp: dayTimestamp(now()) });
    },
    async forget() {
      await stop();
    },
  };
}

/** The app's one analytics instance. */
export const analytics = createAnalytics();
