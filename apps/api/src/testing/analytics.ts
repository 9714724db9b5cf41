import type { ServerAnalytics, ServerEvent } from '../lib/analytics/server-analytics';

/** Our analytics port, keeping what the API would send to PostHog (the SDK's own payloads are tested in server-analytics.test.ts). */
export function recordingAnalytics(): ServerAnalytics & { events: ServerEvent[] } {
  const events: ServerEvent[] = [];
  return {
    enabled: true,
    events,
    capture: (event) => void events.push(event),
    shutdown: async () => undefined,
  };
}
