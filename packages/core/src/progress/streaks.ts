import type { SessionRecord } from '../contracts/session-record';
import { fromEpochDay, toEpochDay, type CalendarDay } from './local-day';
import { sessionTime, type ProgressSession, type TimeOf } from './session-time';

/** A partial session counts once the person has breathed along for this long. */
export const MIN_COUNTED_PARTIAL_MS = 60_000;

type StreakSession = Pick<ProgressSession, 'startedAt' | 'timeZone' | 'status' | 'activeMs'>;

/** A day counts when it has a completed session, or a partial one of at least a minute. */
export function countsForStreak(record: Pick<SessionRecord, 'status' | 'activeMs'>): boolean {
  return record.status === 'completed' || record.activeMs >= MIN_COUNTED_PARTIAL_MS;
}

/** The local days (each session in its own stored zone) that count, sorted, without repeats. */
export function practisedDays(sessions: readonly StreakSession[]): CalendarDay[] {
  return practisedEpochDays(sessions, sessionTime).map(fromEpochDay);
}

function practisedEpochDays(sessions: readonly StreakSession[], timeOf: TimeOf): number[] {
  const days: number[] = [];
  sessions.forEach((session, index) => {
    if (countsForStreak(session)) days.push(timeOf(session, index).epochDay);
  });
  days.sort((a, b) => a - b);
  return days.filter((day, index) => index === 0 || day !== days[index - 1]);
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
  return streaksWith(sessions, options, sessionTime);
}

/** computeStreaks with session times from `timeOf` (shared by progressSnapshot). */
export function streaksWith(
  sessions: readonly StreakSession[],
  { today }: { today: CalendarDay },
  timeOf: TimeOf,
): Streaks {
  const todayIndex = toEpochDay(today);
  const days = practisedEpochDays(sessions, timeOf);
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
