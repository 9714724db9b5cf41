import type { SchedulingPolicy, TimeRange } from '@exhale/core/booking';
import { and, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { availabilityRules, bookings, practitioners, timeOff } from '../../db/schema';

type Executor = Pick<AppDatabase, 'select' | 'execute'>;

export interface Schedule {
  policy: SchedulingPolicy;
  timeOff: TimeRange[];
  busy: TimeRange[];
}

const DAY_MS = 86_400_000;

/** A timestamptz as epoch milliseconds, read the same way by both drivers. */
export function epochMs(timestamp: SQL) {
  return sql<number>`(extract(epoch from ${timestamp}) * 1000)::float8`.mapWith(Number);
}

/** A tstzrange literal for a half-open span, as the bookings table stores it. */
export function rangeLiteral(range: TimeRange): string {
  return `[${new Date(range.start).toISOString()},${new Date(range.end).toISOString()})`;
}

/**
 * Everything slot computation needs for one practitioner around [from, to): the weekly
 * rules, time off, and what live bookings block. A hold past its expiry blocks nothing,
 * even before the job marks it expired.
 */
export async function loadSchedule(
  db: Executor,
  practitionerId: string,
  from: number,
  to: number,
  now: number,
): Promise<Schedule | null> {
  const [practitioner] = await db
    .select({
      timeZone: practitioners.timeZone,
      bufferBeforeMinutes: practitioners.bufferBeforeMinutes,
      bufferAfterMinutes: practitioners.bufferAfterMinutes,
      minNoticeMinutes: practitioners.minNoticeMinutes,
      horizonDays: practitioners.horizonDays,
    })
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId));
  if (!practitioner) return null;

  // Windows and buffers reach a little past [from, to); a day either side covers both.
  const spanStart = new Date(from - DAY_MS);
  const spanEnd = new Date(to + DAY_MS);
  const [rules, off, busy] = await Promise.all([
    db
      .select({
        weekday: availabilityRules.weekday,
        startMinute: availabilityRules.startMinute,
        endMinute: availabilityRules.endMinute,
      })
      .from(availabilityRules)
      .where(eq(availabilityRules.practitionerId, practitionerId)),
    db
      .select({ start: timeOff.startsAt, end: timeOff.endsAt })
      .from(timeOff)
      .where(
        and(
          eq(timeOff.practitionerId, practitionerId),
          lt(timeOff.startsAt, spanEnd),
          gt(timeOff.endsAt, spanStart),
        ),
      ),
    db
      .select({
        start: epochMs(sql`lower(${bookings.blocked})`),
        end: epochMs(sql`upper(${bookings.blocked})`),
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.practitionerId, practitionerId),
          or(
            eq(bookings.status, 'confirmed'),
            and(eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, new Date(now))),
          ),
          sql`${bookings.blocked} && tstzrange(${spanStart.toISOString()}::timestamptz, ${spanEnd.toISOString()}::timestamptz)`,
        ),
      ),
  ]);

  return {
    policy: { ...practitioner, rules },
    timeOff: off.map(({ start, end }) => ({ start: start.getTime(), end: end.getTime() })),
    busy,
  };
}
