import type { SessionRecord } from '../contracts/session-record';
import { fromEpochDay, parseInstantInto, utcOffsetOrNull, type CalendarDay } from './local-day';

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;

/**
 * What the progress functions read of a session: a SessionRecord will do, and so will a
 * lean query that selects only these columns.
 */
export type ProgressSession = Pick<
  SessionRecord,
  'id' | 'patternId' | 'startedAt' | 'timeZone' | 'status' | 'activeMs'
>;

type TimedSession = Pick<SessionRecord, 'startedAt' | 'timeZone'>;

/** Where a session sits on its own local calendar. */
export interface SessionTime {
  epochMs: number;
  /** Days since 1970-01-01 of the local day the session started on. */
  epochDay: number;
  /** Local minutes since midnight at the start, 0–1439. */
  minuteOfDay: number;
}

/**
 * SessionTime for every session of a history, as parallel columns indexed like the
 * sessions. Typed arrays rather than an object per session: a history of years holds
 * thousands of sessions, and one object each (with its parsed instant) was most of what
 * a progress computation allocated, so garbage collection took longer than the sums.
 */
export interface SessionTimes {
  epochMs: Float64Array;
  epochDay: Int32Array;
  minuteOfDay: Uint16Array;
}

/**
 * Minutes since 1970-01-01T00:00 on the session's local wall clock at its start, with its
 * instant left in `instant[0]`. Whole minutes are all the calendar needs, and a small
 * integer comes back from a call without being boxed, as milliseconds would be, once per
 * session. A session belongs to the local day on which it started, in the zone stored
 * with it, so a session in Tokyo and one in New York each land on the day the person
 * lived there. A zone this runtime's time-zone data does not know (a record from a newer
 * device) falls back to the UTC offset written in `startedAt`.
 */
function startWallMinute({ startedAt, timeZone }: TimedSession, instant: Float64Array): number {
  parseInstantInto(startedAt, instant);
  const epochMs = instant[0] as number;
  const offsetMs = utcOffsetOrNull(epochMs, timeZone) ?? (instant[1] as number);
  return Math.floor((epochMs + offsetMs) / MINUTE_MS);
}

// Reused by sessionTime, which copies the instant out before returning.
const startInstant = new Float64Array(2);

export function sessionTime(record: TimedSession): SessionTime {
  const instant = startInstant;
  const wallMinute = startWallMinute(record, instant);
  const epochDay = Math.floor(wallMinute / MINUTES_PER_DAY);
  return {
    epochMs: instant[0] as number,
    epochDay,
    minuteOfDay: wallMinute - epochDay * MINUTES_PER_DAY,
  };
}

/** Times every session once, for computations that share them (see progressSnapshot). */
export function sessionTimes(sessions: readonly TimedSession[]): SessionTimes {
  const count = sessions.length;
  const times: SessionTimes = {
    epochMs: new Float64Array(count),
    epochDay: new Int32Array(count),
    minuteOfDay: new Uint16Array(count),
  };
  const instant = new Float64Array(2);
  for (let i = 0; i < count; i += 1) {
    const wallMinute = startWallMinute(sessions[i] as TimedSession, instant);
    const epochDay = Math.floor(wallMinute / MINUTES_PER_DAY);
    times.epochMs[i] = instant[0] as number;
    times.epochDay[i] = epochDay;
    times.minuteOfDay[i] = wallMinute - epochDay * MINUTES_PER_DAY;
  }
  return times;
}

/** The local calendar day a session counts for. */
export function sessionLocalDay(record: TimedSession): CalendarDay {
  return fromEpochDay(sessionTime(record).epochDay);
}

/**
 * Sorts `indices` (positions in `sessions`) into chronological order by start instant,
 * ties broken by id so any input order sorts alike. A plain array rather than a typed one:
 * Array.prototype.sort is adaptive, so a history read in start order (as the app reads
 * it) sorts in one pass, where a typed array's sort compares n log n times regardless.
 */
export function sortByStart(
  indices: number[],
  sessions: readonly Pick<ProgressSession, 'id'>[],
  { epochMs }: SessionTimes,
): number[] {
  // -1, 0 or 1 rather than the difference of the instants: a difference of epoch
  // milliseconds is no small integer, and the sort would box each one it gets back.
  return indices.sort((a, b) => {
    const instantA = epochMs[a] as number;
    const instantB = epochMs[b] as number;
    if (instantA !== instantB) return instantA < instantB ? -1 : 1;
    const idA = (sessions[a] as Pick<ProgressSession, 'id'>).id;
    const idB = (sessions[b] as Pick<ProgressSession, 'id'>).id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
}
