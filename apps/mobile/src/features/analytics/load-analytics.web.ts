/** Web: the event schemas and the PostHog SDK load only after someone opts in. */
export async function loadAnalyticsModules() {
  const [events, posthog] = await Promise.all([import('./events'), import('./posthog-backend')]);
  return { events, posthog };
}
