import type { SessionRecord } from '../contracts/session-record';
import { DAY_MS, parseInstant } from './local-day';

export const RETENTION_POLICIES = ['30d', '1y', 'forever'] as const;
export type RetentionPolicy = (typeof RETENTION_POLICIES)[number];

const KEEP_DAYS: Record<RetentionPolicy, number | null> = { '30d': 30, '1y': 365, forever: null };

/**
 * The instant before which sessions are removed: `now` minus 30 or 365 days of 24 hours
 * (a day more or less around a leap year does not matter here), or null for 'forever'.
 * @throws RangeError for anything but a known policy, so a bad setting deletes nothing.
 */
export function retentionCutoff(policy: RetentionPolicy, now: number): number | null {
  if (!RETENTION_POLICIES.includes(policy)) {
    throw new RangeError(`Unknown retention policy "${String(policy)}"`);
  }
  const days = KEEP_DAYS[policy];
  return days === null ? null : now - days * DAY_MS;
}

/**
 * Ids of the sessions that started before the policy's cutoff. Only sessions: earned
 * badges are stored apart and awardBadges keeps them once their sessions are gone.
 */
export function sessionsToPrune(
  sessions: readonly Pick<SessionRecord, 'id' | 'startedAt'>[],
  policy: RetentionPolicy,
  now: number,
): string[] {
  const cutoff = retentionCutoff(policy, now);
  if (cutoff === null) return [];
  return sessions
    .filter((session) => parseInstant(session.startedAt).epochMs < cutoff)
    .map((session) => session.id);
}
