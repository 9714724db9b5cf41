import { PostHog, type PostHogOptions } from 'posthog-node';
import { z } from 'zod';

/**
 * The API's events (docs/analytics.md lists them). Like the app's, every property is a
 * choice from a closed set or a small number: no e-mail, name, free text, ids of people or
 * records, and no client addresses (GeoIP off). An event that does not match is dropped.
 */
export const SERVER_EVENT_SCHEMAS = {
  coach_replied: z.strictObject({
    kind: z.enum(['onboarding', 'session_plan', 'feedback']),
    source: z.enum(['model', 'scripted']),
    // The coach service's own reasons (FallbackReason), or none when the model answered.
    fallback_reason: z.enum([
      'none',
      'not_configured',
      'invalid_output',
      'first_token_timeout',
      'total_timeout',
      'upstream_error',
      'empty_output',
      'aborted',
    ]),
  }),
  coach_limited: z.strictObject({ limit: z.enum(['device', 'ip', 'daily_budget']) }),
  booking_created: z.strictObject({ minutes: z.int().min(1).max(240) }),
  booking_cancelled: z.strictObject({ refund: z.enum(['full', 'partial', 'none']) }),
} as const;

export type ServerEventName = keyof typeof SERVER_EVENT_SCHEMAS;
export type ServerEvent = {
  [N in ServerEventName]: { name: N; properties: z.infer<(typeof SERVER_EVENT_SCHEMAS)[N]> };
}[ServerEventName];

export interface ServerAnalytics {
  /** Queues the event when analytics is configured; otherwise does nothing. */
  capture(event: ServerEvent): void;
  /** Sends what is queued (call on shutdown). */
  shutdown(): Promise<void>;
  readonly enabled: boolean;
}

// Server events describe the service, not a person: all under one fixed id, without
// person profiles, so nothing links them to the app's anonymous ids.
const SERVER_DISTINCT_ID = 'exhale-api';
const DEFAULT_HOST = 'https://eu.i.posthog.com';

export interface ServerAnalyticsOptions {
  /** POSTHOG_KEY; without it nothing is created or sent. */
  apiKey: string | undefined;
  /** POSTHOG_HOST; PostHog's EU cloud when unset. */
  host?: string | undefined;
  /** Tests pass one that records requests instead of sending them. */
  fetch?: PostHogOptions['fetch'];
  /** Told about dropped events (a bug in the caller); the logger's warn in the app. */
  warn?: (message: string) => void;
}

export function createServerAnalytics(options: ServerAnalyticsOptions): ServerAnalytics {
  const warn = options.warn ?? (() => undefined);
  if (!options.apiKey) {
    return { enabled: false, capture: () => undefined, shutdown: async () => undefined };
  }
  const client = new PostHog(options.apiKey, {
    host: options.host ?? DEFAULT_HOST,
    disableGeoip: true,
    flushAt: 20,
    flushInterval: 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    enabled: true,
    capture(event) {
      const parsed = SERVER_EVENT_SCHEMAS[event.name].safeParse(event.properties);
      if (!parsed.success) {
        warn(`analytics: dropped ${event.name}, its properties do not match the event list`);
        return;
      }
      client.capture({
        distinctId: SERVER_DISTINCT_ID,
        event: event.name,
        properties: { ...parsed.data, $process_person_profile: false },
        disableGeoip: true,
      });
    },
    shutdown: () => client.shutdown(),
  };
}
