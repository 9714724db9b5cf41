import type { SchedulingPolicy, TimeRange } from '@exhale/core/booking';
import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
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

/** The instants a schedule is read around: values, or placeholders of a prepared statement. */
export interface ScheduleSpan {
  start: string | SQLWrapper;
  end: string | SQLWrapper;
  now: string | SQLWrapper;
}

/** Windows and buffers reach a little past [from, to); a day either side covers both. */
export function scheduleSpan(from: number, to: number, now: number) {
  return {
    start: new Date(from - DAY_MS).toISOString(),
    end: new Date(to + DAY_MS).toISOString(),
    now: new Date(now).toISOString(),
  };
}

/**
 * Columns for a select that bring everything slot computation needs for one practitioner
 * around a span in the same statement: the weekly rules, time off, and what live bookings
 * block (a hold past its expiry blocks nothing, even before the job marks it).
 * `practitionerId` is a value or an uncorrelated subquery; Drizzle names columns without
 * their table inside `sql`, so these subqueries cannot refer to the outer row.
 */
export function scheduleColumns(practitionerId: string | SQL, span: ScheduleSpan) {
  const { start: spanStart, end: spanEnd, now } = span;
  const ms = (timestamp: SQL) => sql`(extract(epoch from ${timestamp}) * 1000)::float8`;
  return {
    timeZone: practitioners.timeZone,
    bufferBeforeMinutes: practitioners.bufferBeforeMinutes,
    bufferAfterMinutes: practitioners.bufferAfterMinutes,
    minNoticeMinutes: practitioners.minNoticeMinutes,
    horizonDays: practitioners.horizonDays,
    rules: sql<SchedulingPolicy['rules']>`(
      select coalesce(json_agg(json_build_object(
        'weekday', ${availabilityRules.weekday},
        'startMinute', ${availabilityRules.startMinute},
        'endMinute', ${availabilityRules.endMinute})), '[]'::json)
      from ${availabilityRules}
      where ${availabilityRules.practitionerId} = ${practitionerId})`,
    timeOff: sql<TimeRange[]>`(
      select coalesce(json_agg(json_build_object(
        'start', ${ms(sql`${timeOff.startsAt}`)},
        'end', ${ms(sql`${timeOff.endsAt}`)})), '[]'::json)
      from ${timeOff}
      where ${timeOff.practitionerId} = ${practitionerId}
        and ${timeOff.startsAt} < ${spanEnd}::timestamptz
        and ${timeOff.endsAt} > ${spanStart}::timestamptz)`,
    busy: sql<TimeRange[]>`(
      select coalesce(json_agg(json_build_object(
        'start', ${ms(sql`lower(${bookings.blocked})`)},
        'end', ${ms(sql`upper(${bookings.blocked})`)})), '[]'::json)
      from ${bookings}
      where ${bookings.practitionerId} = ${practitionerId}
        and (${bookings.status} = 'confirmed'
          or (${bookings.status} = 'held' and ${bookings.holdExpiresAt} > ${now}::timestamptz))
        and ${bookings.blocked} && tstzrange(${spanStart}::timestamptz, ${spanEnd}::timestamptz))`,
  };
}

type ScheduleRow = SchedulingPolicy & { timeOff: TimeRange[]; busy: TimeRange[] };

/** The row `scheduleColumns` selected, as slot computation takes it. */
export function toSchedule(row: ScheduleRow): Schedule {
  const { rules, timeOff: off, busy, ...settings } = row;
  return { policy: { ...settings, rules }, timeOff: off, busy };
}

/**
 * The schedule of one practitioner around [from, to) in one statement, so a request holds
 * a pooled connection once instead of four times: under a burst (200 members after one
 * slot) requests then finish one after another instead of all waiting in the pool's queue.
 */
export async function loadSchedule(
  db: Executor,
  practitionerId: string,
  from: number,
  to: number,
  now: number,
): Promise<Schedule | null> {
  const [row] = await db
    .select(scheduleColumns(practitionerId, scheduleSpan(from, to, now)))
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId));
  return row ? toSchedule(row) : null;
}
