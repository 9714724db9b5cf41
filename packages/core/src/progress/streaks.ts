import type { SessionRecord } from '../contracts/session-record';
import { fromEpochDay, toEpochDay, type CalendarDay } from './local-day';
import { sessionTimes, type ProgressSession, type SessionTimes } from './session-time';

/** A partial session counts once the person has breathed along for this long. */
export const MIN_COUNTED_PARTIAL_MS = 60_000;

type StreakSession = Pick<ProgressSession, 'startedAt' | 'timeZone' | 'status' | 'activeMs'>;

/** A day counts when it has a completed session, or a partial one of at least a minute. */
export function countsForStreak(record: Pick<SessionRecord, 'status' | 'activeMs'>): boolean {
  return record.status === 'completed' || record.activeMs >= MIN_COUNTED_PARTIAL_MS;
}

/** The local days (each session in its own stored zone) that count, sorted, without repeats. */
export function practisedDays(sessions: readonly StreakSession[]): CalendarDay[] {
  return Array.from(practisedEpochDays(sessions, sessionTimes(sessions)), fromEpochDay);
}

// In a typed array, sorted numerically and deduplicated in place: no boxed number per day.
function practisedEpochDays(sessions: readonly StreakSession[], times: SessionTimes): Int32Array {
  const days = new Int32Array(sessions.length);
  let count = 0;
  for (let i = 0; i < sessions.length; i += 1) {
    if (countsForStreak(sessions[i] as StreakSession)) days[count++] = times.epochDay[i] as number;
  }
  const counted = days.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i += 1) {
    if (i === 0 || counted[i] !== counted[i - 1]) counted[distinct++] = counted[i] as number;
  }
  return counted.subarray(0, distinct);
}

export interface Streaks {
  /** Consecutive practised days up to today, or up to yesterday while today is still open. */
  current: number;
  longest: number;
  lastPracticeDay: CalendarDay | null;
  practisedToday: boolean;
}

/**
 * Current and longest streaks. `today` is the person's local day now (in the device's
 * zone); each session sits on its own local day, in the zone stored with it.
 * The current streak is the run of practised days holding today or, while today is not
 * yet practised, yesterday: a streak stays alive until today ends. Flying west across
 * the date line can put a session on a day after `today`; such a day still joins the run
 * it touches.
 */
export function computeStreaks(
  sessions: readonly StreakSession[],
  options: { today: CalendarDay },
): Streaks {
  return streaksWith(sessions, options, sessionTimes(sessions));
}

/** computeStreaks with session times worked out already (shared by progressSnapshot). */
export function streaksWith(
  sessions: readonly StreakSession[],
  { today }: { today: CalendarDay },
  times: SessionTimes,
): Streaks {
  const todayIndex = toEpochDay(today);
  const days = practisedEpochDays(sessions, times);
  let longest = 0;
  let current = 0;
  let runStart = 0;
  days.forEach((day, i) => {
    if (i === 0 || day !== (days[i - 1] as number) + 1) runStart = day;
    longest = Math.max(longest, day - runStart + 1);
    const runEnds = days[i + 1] !== day + 1;
    // The run holds today, or ends yesterday.
    if (runEnds && runStart <= todayIndex && day >= todayIndex - 1) current = day - runStart + 1;
  });
  const last = days[days.length - 1];
  return {
    current,
    longest,
    lastPracticeDay: last === undefined ? null : fromEpochDay(last),
    practisedToday: days.includes(todayIndex),
  };
}
