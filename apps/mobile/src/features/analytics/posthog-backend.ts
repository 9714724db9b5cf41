import { PostHog } from 'posthog-react-native';

import type { AnalyticsBackend, BackendConfig } from './analytics-backend';

// Device details PostHog's SDK would add that can identify a person or place them: the
// device's own name is often the owner's ("Ana's iPhone"), and the time zone narrows
// where they live. They are blanked before any event is built.
const BLANKED_APP_PROPERTIES = { $device_name: null, $timezone: null } as const;

/**
 * PostHog, created only once the person has opted in and a key is configured (on the web
 * this module loads only then: see load-analytics.web.ts).
 * Memory persistence: the anonymous id is ours (kept in settings, reset with "delete all
 * data"); PostHog keeps no files. No person profiles, no GeoIP, no lifecycle events, no
 * feature-flag or remote-config calls.
 */
export async function createPostHogBackend(config: BackendConfig): Promise<AnalyticsBackend> {
  const client = new PostHog(config.apiKey, {
    host: config.host,
    persistence: 'memory',
    bootstrap: { distinctId: config.anonymousId, isIdentifiedId: false },
    personProfiles: 'never',
    disableGeoip: true,
    captureAppLifecycleEvents: false,
    // No feature flags or remote config: those requests would send device details and the
    // id on their own, outside the event list.
    preloadFeatureFlags: false,
    disableRemoteConfig: true,
    sendFeatureFlagEvent: false,
    customAppProperties: (properties) => ({ ...properties, ...BLANKED_APP_PROPERTIES }),
    flushAt: 10,
  });
  return {
    capture(name, properties, options) {
      client.capture(name, properties as Record<string, string | number | boolean | null>, options);
    },
    flush: () => client.flush(),
    async shutdown() {
      client.optOut();
      await client.shutdown();
    },
  };
}
