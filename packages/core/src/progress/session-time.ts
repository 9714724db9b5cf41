import type { SessionRecord } from '../contracts/session-record';
import { DAY_MS, fromEpochDay, parseInstant, utcOffsetOrNull, type CalendarDay } from './local-day';

const MINUTE_MS = 60_000;

/**
 * What the progress functions read of a session: a SessionRecord will do, and so will a
 * lean query that selects only these columns.
 */
export type ProgressSession = Pick<
  SessionRecord,
  'id' | 'patternId' | 'startedAt' | 'timeZone' | 'status' | 'activeMs'
>;

/** Where a session sits on its own local calendar. */
export interface SessionTime {
  epochMs: number;
  /** Days since 1970-01-01 of the local day the session started on. */
  epochDay: number;
  /** Local minutes since midnight at the start, 0–1439. */
  minuteOfDay: number;
}

/**
 * A session belongs to the local day on which it started, in the zone stored with it, so
 * a session in Tokyo and one in New York each land on the day the person lived there.
 * A zone this runtime's time-zone data does not know (a record from a newer device) falls
 * back to the UTC offset written in `startedAt`.
 */
export function sessionTime(record: Pick<SessionRecord, 'startedAt' | 'timeZone'>): SessionTime {
  const { epochMs, offsetMs } = parseInstant(record.startedAt);
  const wallMs = epochMs + (utcOffsetOrNull(epochMs, record.timeZone) ?? offsetMs);
  const epochDay = Math.floor(wallMs / DAY_MS);
  return { epochMs, epochDay, minuteOfDay: Math.floor((wallMs - epochDay * DAY_MS) / MINUTE_MS) };
}

/** How a computation finds a session's time: computed on the spot, or looked up. */
export type TimeOf = (
  session: Pick<ProgressSession, 'startedAt' | 'timeZone'>,
  index: number,
) => SessionTime;

/** Times every session once, for computations that share them (see progressSnapshot). */
export function precomputedTimes(
  sessions: readonly Pick<ProgressSession, 'startedAt' | 'timeZone'>[],
): TimeOf {
  const times = sessions.map(sessionTime);
  return (session, index) => times[index] ?? sessionTime(session);
}

/** The local calendar day a session counts for. */
export function sessionLocalDay(
  record: Pick<SessionRecord, 'startedAt' | 'timeZone'>,
): CalendarDay {
  return fromEpochDay(sessionTime(record).epochDay);
}

/** Chronological order by start instant, ties broken by id so any input order sorts alike. */
export function byStart(
  a: { epochMs: number; id: string },
  b: { epochMs: number; id: string },
): number {
  return a.epochMs - b.epochMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
