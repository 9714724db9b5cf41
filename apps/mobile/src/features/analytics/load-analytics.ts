import * as events from './events';
import * as posthog from './posthog-backend';

/**
 * The event schemas and the PostHog SDK. Native: in the bundle already. The web version
 * loads them only once someone has opted in, so nobody else ever downloads them.
 */
export function loadAnalyticsModules(): Promise<{
  events: typeof events;
  posthog: typeof posthog;
}> {
  return Promise.resolve({ events, posthog });
}
