import { fromEpochDay, type CalendarDay } from './local-day';
import { createRunTracker } from './runs';
import { byStart, sessionTime, type ProgressSession, type TimeOf } from './session-time';
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

/** The sessions badges look at: only those that count, oldest first. */
export interface BadgeHistory {
  sessions: readonly BadgeSession[];
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
  return badgeHistoryWith(sessions, sessionTime);
}

function badgeHistoryWith(sessions: readonly ProgressSession[], timeOf: TimeOf): BadgeHistory {
  const counted: BadgeSession[] = [];
  sessions.forEach((session, index) => {
    if (!countsForStreak(session)) return;
    const { epochMs, epochDay, minuteOfDay } = timeOf(session, index);
    // 1970-01-05 (epoch day 4) was a Monday, so Monday-based weeks split at 4 + 7k.
    const week = Math.floor((epochDay + 3) / 7);
    counted.push({
      id: session.id,
      patternId: session.patternId,
      epochMs,
      epochDay,
      minuteOfDay,
      week,
    });
  });
  return { sessions: counted.sort(byStart) };
}

function awardFor(session: BadgeSession): BadgeAward {
  return { day: fromEpochDay(session.epochDay), sessionId: session.id };
}

function nthSession(n: number, matches: (session: BadgeSession) => boolean = () => true) {
  return ({ sessions }: BadgeHistory): BadgeAward | null => {
    let seen = 0;
    for (const session of sessions) {
      if (matches(session) && (seen += 1) === n) return awardFor(session);
    }
    return null;
  };
}

// Sessions arrive in start order, but travel can put a later session on an earlier local
// day, so the days are joined into runs in any order.
function dayStreak(days: number) {
  return ({ sessions }: BadgeHistory): BadgeAward | null => {
    const runs = createRunTracker();
    for (const session of sessions) {
      if ((runs.add(session.epochDay) ?? 0) >= days) return awardFor(session);
    }
    return null;
  };
}

function distinctPatterns(count: number) {
  return ({ sessions }: BadgeHistory): BadgeAward | null => {
    const seen = new Set<string>();
    for (const session of sessions) {
      seen.add(session.patternId);
      if (seen.size === count) return awardFor(session);
    }
    return null;
  };
}

function consecutiveWeeks(weeks: number, sessionsPerWeek: number) {
  return ({ sessions }: BadgeHistory): BadgeAward | null => {
    const perWeek = new Map<number, number>();
    const runs = createRunTracker();
    for (const session of sessions) {
      const count = (perWeek.get(session.week) ?? 0) + 1;
      perWeek.set(session.week, count);
      if (count === sessionsPerWeek && (runs.add(session.week) ?? 0) >= weeks) {
        return awardFor(session);
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
    evaluate: nthSession(5, (session) => session.minuteOfDay < EARLY_BIRD_BEFORE_MINUTE),
  },
  {
    id: 'night-owl',
    title: 'Night Owl',
    description: 'Practise 5 times after 9 pm.',
    icon: 'moon',
    evaluate: nthSession(5, (session) => session.minuteOfDay >= NIGHT_OWL_FROM_MINUTE),
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
  return awardBadgesWith(sessions, alreadyEarned, badges, sessionTime);
}

/** awardBadges with session times from `timeOf` (shared by progressSnapshot). */
export function awardBadgesWith(
  sessions: readonly ProgressSession[],
  alreadyEarned: readonly EarnedBadge[],
  badges: readonly BadgeDefinition[],
  timeOf: TimeOf,
): BadgeAwards {
  const stored = new Map<string, EarnedBadge>();
  for (const badge of alreadyEarned) if (!stored.has(badge.id)) stored.set(badge.id, badge);

  const history = badgeHistoryWith(sessions, timeOf);
  const earned: EarnedBadge[] = [];
  const newlyEarned: EarnedBadge[] = [];
  for (const badge of badges) {
    const kept = stored.get(badge.id);
    stored.delete(badge.id);
    if (kept) {
      earned.push(kept);
      continue;
    }
    const award = badge.evaluate(history);
    if (!award) continue;
    const fresh = { id: badge.id, earnedAt: award.day, sessionId: award.sessionId };
    earned.push(fresh);
    newlyEarned.push(fresh);
  }
  earned.push(...stored.values());
  return { earned, newlyEarned };
}
