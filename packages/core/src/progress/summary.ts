import {
  civilOf,
  daysInMonth,
  epochDayOf,
  fromEpochDay,
  isoWeekdayOfEpochDay,
  toEpochDay,
  type CalendarDay,
} from './local-day';
import { sessionTimes, sortByStart, type ProgressSession, type SessionTimes } from './session-time';
import { countsForStreak } from './streaks';

/** A calendar month, 'YYYY-MM'. */
export type CalendarMonth = string;

type SummarySession = Omit<ProgressSession, 'patternId'>;

/** Calm before and after a session, 1–5, as the person rated it. */
export interface CalmRating {
  sessionId: string;
  calmBefore: number;
  calmAfter: number;
}

export interface ProgressSummaryOptions {
  /** The person's local day now; the weekly and monthly series end with its week and month. */
  today: CalendarDay;
  /** How many ISO weeks the weekly series covers (default 8). */
  weeks?: number;
  /** How many months the monthly series covers (default 6). */
  months?: number;
  /** The month of the calendar heat-map (default: today's month). */
  month?: CalendarMonth;
  ratings?: readonly CalmRating[];
  /** How many rated sessions the calm trend's rolling average spans (default 5). */
  trendWindow?: number;
  /**
   * How many of the latest rated sessions `calm.points` lists (default: all). The averages
   * and rolling means still take every rating in; a screen that draws the last few dozen
   * points need not have a point, and its day written out, for years of ratings.
   */
  calmPoints?: number;
}

export interface Activity {
  sessions: number;
  /** Sessions that count for streaks and badges. */
  countedSessions: number;
  activeMs: number;
  /** `activeMs` in whole minutes, rounded to the nearest (halves up). */
  minutes: number;
}

export interface WeekActivity extends Activity {
  /** The Monday that starts the week. */
  weekStart: CalendarDay;
}

export interface MonthActivity extends Activity {
  month: CalendarMonth;
}

export interface CalendarDayActivity extends Activity {
  day: CalendarDay;
  /** The day counts for the streak. */
  practised: boolean;
}

export interface MonthCalendar {
  month: CalendarMonth;
  /** ISO weekday of the 1st (1 = Monday), for laying out a Monday-first grid. */
  firstWeekday: number;
  days: CalendarDayActivity[];
}

export interface CalmPoint {
  sessionId: string;
  day: CalendarDay;
  calmBefore: number;
  calmAfter: number;
  change: number;
  /** Means over this point and up to `trendWindow − 1` rated sessions before it. */
  rollingBefore: number;
  rollingAfter: number;
}

export interface CalmTrend {
  /** Rated sessions still in the history, oldest first. */
  points: CalmPoint[];
  averageBefore: number | null;
  averageAfter: number | null;
}

export interface ProgressSummary {
  totals: Activity;
  /** Oldest first; the last week holds today. Weeks without sessions are zeros. */
  weekly: WeekActivity[];
  /** Oldest first; the last month holds today. */
  monthly: MonthActivity[];
  calendar: MonthCalendar;
  calm: CalmTrend;
}

const MINUTE_MS = 60_000;
const CALENDAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

// Buckets sum milliseconds and round once, so many short sessions are not each rounded
// away; a bucket's minutes may therefore differ by one from the sum of its parts.
function toMinutes(activeMs: number): number {
  return Math.round(activeMs / MINUTE_MS);
}

interface Tally {
  sessions: number;
  countedSessions: number;
  activeMs: number;
}

function emptyTallies(count: number): Tally[] {
  return Array.from({ length: count }, () => ({ sessions: 0, countedSessions: 0, activeMs: 0 }));
}

function addTo(tally: Tally | undefined, activeMs: number, counted: boolean): void {
  if (!tally) return;
  tally.sessions += 1;
  tally.activeMs += activeMs;
  if (counted) tally.countedSessions += 1;
}

function activity(tally: Tally): Activity {
  return { ...tally, minutes: toMinutes(tally.activeMs) };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`progressSummary: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

function parseMonth(month: CalendarMonth): { year: number; month: number } {
  const match = CALENDAR_MONTH.exec(month);
  if (!match) throw new RangeError(`Expected a month such as 2025-03, got "${month}"`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function formatMonth(index: number): CalendarMonth {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

function calmTrend(
  sessions: readonly SummarySession[],
  times: SessionTimes,
  ratings: ReadonlyMap<string, CalmRating>,
  { window, points: pointsWanted }: { window: number; points: number },
): CalmTrend {
  const rated: number[] = [];
  sessions.forEach((session, index) => {
    if (ratings.has(session.id)) rated.push(index);
  });
  const order = sortByStart(rated, sessions, times);
  const count = order.length;
  const ratingAt = (position: number) =>
    ratings.get((sessions[order[position] as number] as SummarySession).id) as CalmRating;

  const points: CalmPoint[] = [];
  const firstListed = count - Math.min(count, pointsWanted);
  let windowBefore = 0;
  let windowAfter = 0;
  let totalBefore = 0;
  let totalAfter = 0;
  for (let position = 0; position < count; position += 1) {
    const rating = ratingAt(position);
    windowBefore += rating.calmBefore;
    windowAfter += rating.calmAfter;
    if (position >= window) {
      const leaving = ratingAt(position - window);
      windowBefore -= leaving.calmBefore;
      windowAfter -= leaving.calmAfter;
    }
    totalBefore += rating.calmBefore;
    totalAfter += rating.calmAfter;
    if (position < firstListed) continue;
    const span = Math.min(position + 1, window);
    points.push({
      sessionId: rating.sessionId,
      day: fromEpochDay(times.epochDay[order[position] as number] as number),
      calmBefore: rating.calmBefore,
      calmAfter: rating.calmAfter,
      change: rating.calmAfter - rating.calmBefore,
      rollingBefore: windowBefore / span,
      rollingAfter: windowAfter / span,
    });
  }
  return {
    points,
    averageBefore: count > 0 ? totalBefore / count : null,
    averageAfter: count > 0 ? totalAfter / count : null,
  };
}

/** Epoch days on which each month of the series starts, and one past its end. */
function monthStarts(firstMonthIndex: number, months: number): Int32Array {
  const starts = new Int32Array(months + 1);
  for (let i = 0; i <= months; i += 1) {
    const index = firstMonthIndex + i;
    starts[i] = epochDayOf(Math.floor(index / 12), (index % 12) + 1, 1);
  }
  return starts;
}

/**
 * Which month of the series holds `epochDay`, or -1 for none. Callers check before
 * indexing: a negative index is a slow property lookup, not an array read.
 */
function monthOf(epochDay: number, starts: Int32Array): number {
  for (let month = starts.length - 2; month >= 0; month -= 1) {
    if (epochDay >= (starts[month] as number)) {
      return epochDay < (starts[month + 1] as number) ? month : -1;
    }
  }
  return -1;
}

/**
 * Totals, weekly and monthly series, a month's heat-map and the calm trend, in one pass
 * over the sessions. Each session sits on its own local day (the zone stored with it),
 * exactly as streaks place it, so the calendar and the streak always agree. Minutes come
 * from `activeMs` of every session, partial ones included: time spent breathing counts
 * even when the session does not count for the streak.
 */
export function progressSummary(
  sessions: readonly SummarySession[],
  options: ProgressSummaryOptions,
): ProgressSummary {
  return progressSummaryWith(sessions, options, sessionTimes(sessions));
}

/** progressSummary with session times worked out already (shared by progressSnapshot). */
export function progressSummaryWith(
  sessions: readonly SummarySession[],
  options: ProgressSummaryOptions,
  times: SessionTimes,
): ProgressSummary {
  const todayDay = toEpochDay(options.today);
  const weeks = positiveInteger('weeks', options.weeks ?? 8);
  const months = positiveInteger('months', options.months ?? 6);
  const trendWindow = positiveInteger('trendWindow', options.trendWindow ?? 5);
  const calmPoints = positiveInteger('calmPoints', options.calmPoints ?? Number.MAX_SAFE_INTEGER);
  const todayCivil = civilOf(todayDay);
  const calendarMonth = options.month
    ? parseMonth(options.month)
    : { year: todayCivil.year, month: todayCivil.month };

  const firstWeekStart = todayDay - isoWeekdayOfEpochDay(todayDay) + 1 - 7 * (weeks - 1);
  const firstMonthIndex = todayCivil.year * 12 + todayCivil.month - 1 - (months - 1);
  const calendarStart = epochDayOf(calendarMonth.year, calendarMonth.month, 1);
  const calendarLength = daysInMonth(calendarMonth.year, calendarMonth.month);
  const monthStartDays = monthStarts(firstMonthIndex, months);

  const totals = emptyTallies(1)[0] as Tally;
  const weekly = emptyTallies(weeks);
  const monthly = emptyTallies(months);
  const calendar = emptyTallies(calendarLength);
  const ratings = new Map<string, CalmRating>();
  for (const rating of options.ratings ?? []) ratings.set(rating.sessionId, rating);

  sessions.forEach((session, index) => {
    const epochDay = times.epochDay[index] as number;
    const counted = countsForStreak(session);
    const { activeMs } = session;
    addTo(totals, activeMs, counted);
    const weekOffset = epochDay - firstWeekStart;
    if (weekOffset >= 0) addTo(weekly[Math.floor(weekOffset / 7)], activeMs, counted);
    const dayOffset = epochDay - calendarStart;
    if (dayOffset >= 0) addTo(calendar[dayOffset], activeMs, counted);
    const month = monthOf(epochDay, monthStartDays);
    if (month >= 0) addTo(monthly[month], activeMs, counted);
  });

  return {
    totals: activity(totals),
    weekly: weekly.map((tally, index) => ({
      weekStart: fromEpochDay(firstWeekStart + 7 * index),
      ...activity(tally),
    })),
    monthly: monthly.map((tally, index) => ({
      month: formatMonth(firstMonthIndex + index),
      ...activity(tally),
    })),
    calendar: {
      month: formatMonth(calendarMonth.year * 12 + calendarMonth.month - 1),
      firstWeekday: isoWeekdayOfEpochDay(calendarStart),
      days: calendar.map((tally, index) => ({
        day: fromEpochDay(calendarStart + index),
        practised: tally.countedSessions > 0,
        ...activity(tally),
      })),
    },
    calm: calmTrend(sessions, times, ratings, { window: trendWindow, points: calmPoints }),
  };
}
