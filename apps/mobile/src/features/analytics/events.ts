import { z } from 'zod';

import { COUNT_BUCKETS } from './count-bucket';

/**
 * The whole list of events the app may send (docs/analytics.md describes each). Every
 * property is a choice from a closed set, a small count or a calendar day: no names,
 * e-mail addresses, notes, free text, ids of records or times of day can fit, and an
 * event whose properties do not match its schema is dropped, not sent.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar day');
const patternId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a pattern id');
const badgeId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a badge id');
const timeKind = z.enum(['morning', 'bedtime', 'custom']);
const countBucketSchema = z.enum(COUNT_BUCKETS);

export const EVENT_SCHEMAS = {
  analytics_enabled: z.strictObject({}),
  onboarding_completed: z.strictObject({
    experience: z.enum(['beginner', 'some', 'regular']).nullable(),
    goal: z.enum(['stress', 'sleep', 'focus', 'energy']).nullable(),
    preferred_time: timeKind.nullable(),
  }),
  session_started: z.strictObject({ pattern_id: patternId }),
  session_completed: z.strictObject({
    pattern_id: patternId,
    status: z.enum(['completed', 'partial']),
    minutes: z.int().min(0).max(600),
    day,
  }),
  badge_earned: z.strictObject({ badge_id: badgeId, day }),
  progress_viewed: z.strictObject({ sessions: countBucketSchema, streaks_shown: z.boolean() }),
  reminder_enabled: z.strictObject({ time_kind: timeKind, platform_notifications: z.boolean() }),
  reminder_disabled: z.strictObject({}),
  reminder_permission: z.strictObject({ granted: z.boolean() }),
  data_exported: z.strictObject({ sessions: countBucketSchema }),
  data_imported: z.strictObject({ sessions_added: countBucketSchema }),
  data_deleted: z.strictObject({}),
  retention_changed: z.strictObject({ policy: z.enum(['30d', '1y', 'forever']) }),
} as const;

export type AnalyticsEventName = keyof typeof EVENT_SCHEMAS;
export type AnalyticsProperties<N extends AnalyticsEventName> = z.infer<(typeof EVENT_SCHEMAS)[N]>;
export type AnalyticsEvent = {
  [N in AnalyticsEventName]: { name: N; properties: AnalyticsProperties<N> };
}[AnalyticsEventName];

/** The event's properties if they match its schema exactly, else null (not sent). */
export function checkedProperties(event: AnalyticsEvent): Record<string, unknown> | null {
  const schema = EVENT_SCHEMAS[event.name] as z.ZodType<Record<string, unknown>>;
  const parsed = schema.safeParse(event.properties);
  return parsed.success ? parsed.data : null;
}
