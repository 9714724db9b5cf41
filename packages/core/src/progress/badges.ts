import { fromEpochDay, type CalendarDay } from './local-day';
import { createRunTracker, type RunTracker } from './runs';
import { sessionTimes, sortByStart, type ProgressSession, type SessionTimes } from './session-time';
import { countsForStreak } from './streaks';

/** A counted session placed on its own local calendar. */
export interface BadgeSession {
  id: string;
  patternId: string;
  epochMs: number;
  /** Days since 1970-01-01 of the local day it started on. */
  epochDay: number;
  /** Local minutes since midnight at the start. */
  minuteOfDay: number;
  /** Index of its ISO week (Monday to Sunday) on the local calendar. */
  week: number;
}

/**
 * The sessions badges look at: only those that count, oldest first, as parallel columns
 * (position i holds the i-th counted session). The table's badges read the columns, so a
 * history of years costs a few arrays instead of an object per session; `sessions` builds
 * those objects on first read, for a badge that is clearer written over them.
 */
export interface BadgeHistory {
  readonly count: number;
  readonly ids: readonly string[];
  readonly patternIds: readonly string[];
  readonly epochMs: Float64Array;
  readonly epochDay: Int32Array;
  readonly minuteOfDay: Uint16Array;
  readonly week: Int32Array;
  readonly sessions: readonly BadgeSession[];
}

/** Where a badge was earned: the session that crossed the threshold, and its local day. */
export interface BadgeAward {
  day: CalendarDay;
  sessionId: string;
}

export interface BadgeDefinition {
  id: string;
  title: string;
  /** How to earn it, in words for people (shown on locked badges too). */
  description: string;
  /** A hint for the app's icon set. */
  icon: string;
  /**
   * The first moment, in start order, at which the history meets the badge's rule — so
   * adding later sessions never moves it — or null when it never does.
   */
  evaluate(history: BadgeHistory): BadgeAward | null;
}

export function badgeHistory(sessions: readonly ProgressSession[]): BadgeHistory {
  return badgeHistoryWith(sessions, sessionTimes(sessions));
}

/** Positions in `sessions` of those that count, in start order. */
function countedInStartOrder(sessions: readonly ProgressSession[], times: SessionTimes): number[] {
  const counted: number[] = [];
  for (let i = 0; i < sessions.length; i += 1) {
    if (countsForStreak(sessions[i] as ProgressSession)) counted.push(i);
  }
  return sortByStart(counted, sessions, times);
}

// 1970-01-05 (epoch day 4) was a Monday, so Monday-based weeks split at 4 + 7k.
function isoWeekIndex(epochDay: number): number {
  return Math.floor((epochDay + 3) / 7);
}

function badgeHistoryWith(sessions: readonly ProgressSession[], times: SessionTimes): BadgeHistory {
  const order = countedInStartOrder(sessions, times);
  const count = order.length;
  const ids = new Array<string>(count);
  const patternIds = new Array<string>(count);
  const epochMs = new Float64Array(count);
  const epochDay = new Int32Array(count);
  const minuteOfDay = new Uint16Array(count);
  const week = new Int32Array(count);
  order.forEach((index, i) => {
    const session = sessions[index] as ProgressSession;
    ids[i] = session.id;
    patternIds[i] = session.patternId;
    epochMs[i] = times.epochMs[index] as number;
    epochDay[i] = times.epochDay[index] as number;
    minuteOfDay[i] = times.minuteOfDay[index] as number;
    week[i] = isoWeekIndex(epochDay[i] as number);
  });
  let objects: BadgeSession[] | undefined;
  return {
    count,
    ids,
    patternIds,
    epochMs,
    epochDay,
    minuteOfDay,
    week,
    get sessions() {
      objects ??= ids.map((id, i) => ({
        id,
        patternId: patternIds[i] as string,
        epochMs: epochMs[i] as number,
        epochDay: epochDay[i] as number,
        minuteOfDay: minuteOfDay[i] as number,
        week: week[i] as number,
      }));
      return objects;
    },
  };
}

function awardAt(history: BadgeHistory, i: number): BadgeAward {
  return { day: fromEpochDay(history.epochDay[i] as number), sessionId: history.ids[i] as string };
}

function nthSession(
  n: number,
  matches: (history: BadgeHistory, i: number) => boolean = () => true,
) {
  return (history: BadgeHistory): BadgeAward | null => {
    let seen = 0;
    for (let i = 0; i < history.count; i += 1) {
      if (matches(history, i) && (seen += 1) === n) return awardAt(history, i);
    }
    return null;
  };
}

/** The smallest and largest of `values` (days or weeks, in any order); an empty span for none. */
function spanOf(values: Int32Array): { lowest: number; highest: number } {
  let lowest = values[0] ?? 0;
  let highest = values[0] ?? -1;
  for (let i = 1; i < values.length; i += 1) {
    const value = values[i] as number;
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  }
  return { lowest, highest };
}

function runTrackerOver(values: Int32Array): RunTracker {
  const { lowest, highest } = spanOf(values);
  return createRunTracker(lowest, highest);
}

// Sessions arrive in start order, but travel can put a later session on an earlier local
// day, so the days are joined into runs in any order.
function dayStreak(days: number) {
  return (history: BadgeHistory): BadgeAward | null => {
    const runs = runTrackerOver(history.epochDay);
    for (let i = 0; i < history.count; i += 1) {
      if ((runs.add(history.epochDay[i] as number) ?? 0) >= days) return awardAt(history, i);
    }
    return null;
  };
}

function distinctPatterns(count: number) {
  return (history: BadgeHistory): BadgeAward | null => {
    const seen = new Set<string>();
    for (let i = 0; i < history.count; i += 1) {
      seen.add(history.patternIds[i] as string);
      if (seen.size === count) return awardAt(history, i);
    }
    return null;
  };
}

function consecutiveWeeks(weeks: number, sessionsPerWeek: number) {
  return (history: BadgeHistory): BadgeAward | null => {
    const { lowest: firstWeek, highest: lastWeek } = spanOf(history.week);
    const perWeek = new Int32Array(lastWeek - firstWeek + 1);
    const runs = createRunTracker(firstWeek, lastWeek);
    for (let i = 0; i < history.count; i += 1) {
      const week = history.week[i] as number;
      const count = (perWeek[week - firstWeek] as number) + 1;
      perWeek[week - firstWeek] = count;
      if (count === sessionsPerWeek && (runs.add(week) ?? 0) >= weeks) {
        return awardAt(history, i);
      }
    }
    return null;
  };
}

const EARLY_BIRD_BEFORE_MINUTE = 8 * 60;
const NIGHT_OWL_FROM_MINUTE = 21 * 60;

/**
 * Every badge, in display order. A session counts for badges exactly when it counts for
 * streaks (completed, or partial with a minute or more). Adding a badge is one entry.
 * - early-bird: started before 08:00, night-owl: started 21:00–23:59, both on the
 *   session's own local clock.
 * - steady: 4 consecutive ISO weeks (Monday–Sunday, local days) with 5+ sessions each.
 *   Consecutive because the badge celebrates a kept rhythm, not a total.
 */
export const BADGES = [
  {
    id: 'first-breath',
    title: 'First Breath',
    description: 'Take your first breathing session.',
    icon: 'sprout',
    evaluate: nthSession(1),
  },
  {
    id: 'streak-3',
    title: '3-Day Streak',
    description: 'Practise on 3 days in a row.',
    icon: 'flame',
    evaluate: dayStreak(3),
  },
  {
    id: 'streak-7',
    title: '7-Day Streak',
    description: 'Practise on 7 days in a row.',
    icon: 'flame',
    evaluate: dayStreak(7),
  },
  {
    id: 'streak-30',
    title: '30-Day Streak',
    description: 'Practise on 30 days in a row.',
    icon: 'flame',
    evaluate: dayStreak(30),
  },
  {
    id: 'streak-100',
    title: '100-Day Streak',
    description: 'Practise on 100 days in a row.',
    icon: 'flame',
    evaluate: dayStreak(100),
  },
  {
    id: 'sessions-10',
    title: '10 Sessions',
    description: 'Practise 10 times.',
    icon: 'medal',
    evaluate: nthSession(10),
  },
  {
    id: 'sessions-50',
    title: '50 Sessions',
    description: 'Practise 50 times.',
    icon: 'medal',
    evaluate: nthSession(50),
  },
  {
    id: 'sessions-100',
    title: '100 Sessions',
    description: 'Practise 100 times.',
    icon: 'trophy',
    evaluate: nthSession(100),
  },
  {
    id: 'early-bird',
    title: 'Early Bird',
    description: 'Practise 5 times before 8 am.',
    icon: 'sunrise',
    evaluate: nthSession(
      5,
      (history, i) => (history.minuteOfDay[i] as number) < EARLY_BIRD_BEFORE_MINUTE,
    ),
  },
  {
    id: 'night-owl',
    title: 'Night Owl',
    description: 'Practise 5 times after 9 pm.',
    icon: 'moon',
    evaluate: nthSession(
      5,
      (history, i) => (history.minuteOfDay[i] as number) >= NIGHT_OWL_FROM_MINUTE,
    ),
  },
  {
    id: 'explorer',
    title: 'Explorer',
    description: 'Try 3 different breathing patterns.',
    icon: 'compass',
    evaluate: distinctPatterns(3),
  },
  {
    id: 'steady',
    title: 'Steady',
    description: 'Practise 5 or more times a week, 4 weeks in a row.',
    icon: 'calendar-check',
    evaluate: consecutiveWeeks(4, 5),
  },
] as const satisfies readonly BadgeDefinition[];

export type BadgeId = (typeof BADGES)[number]['id'];

/** A badge as stored: `earnedAt` is the local day; `sessionId` the session that earned it. */
export interface EarnedBadge {
  id: string;
  earnedAt: CalendarDay;
  sessionId?: string;
}

export interface BadgeAwards {
  /** Everything earned: the table's badges in table order, then stored ids it no longer has. */
  earned: EarnedBadge[];
  /** Badges earned by this evaluation only: the ones to celebrate and store. */
  newlyEarned: EarnedBadge[];
}

/**
 * Awards each badge once. A badge already earned keeps its stored date even when the
 * history no longer shows it (sessions pruned by retention, or removed), so evaluating
 * again never re-awards, moves or takes away a badge.
 */
export function awardBadges(
  sessions: readonly ProgressSession[],
  alreadyEarned: readonly EarnedBadge[] = [],
  badges: readonly BadgeDefinition[] = BADGES,
): BadgeAwards {
  return awardBadgesWith(sessions, alreadyEarned, badges, sessionTimes(sessions));
}

/** awardBadges with session times worked out already (shared by progressSnapshot). */
export function awardBadgesWith(
  sessions: readonly ProgressSession[],
  alreadyEarned: readonly EarnedBadge[],
  badges: readonly BadgeDefinition[],
  times: SessionTimes,
): BadgeAwards {
  const stored = new Map<string, EarnedBadge>();
  for (const badge of alreadyEarned) if (!stored.has(badge.id)) stored.set(badge.id, badge);

  // Built only when some badge is still to earn: once all are stored, none is evaluated.
  let history: BadgeHistory | undefined;
  const earned: EarnedBadge[] = [];
  const newlyEarned: EarnedBadge[] = [];
  for (const badge of badges) {
    const kept = stored.get(badge.id);
    stored.delete(badge.id);
    if (kept) {
      earned.push(kept);
      continue;
    }
    history ??= badgeHistoryWith(sessions, times);
    const award = badge.evaluate(history);
    if (!award) continue;
    const fresh = { id: badge.id, earnedAt: award.day, sessionId: award.sessionId };
    earned.push(fresh);
    newlyEarned.push(fresh);
  }
  earned.push(...stored.values());
  return { earned, newlyEarned };
}
