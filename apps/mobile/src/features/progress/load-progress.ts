import {
  BADGES,
  localDay,
  progressSnapshot,
  type BadgeDefinition,
  type CalendarDay,
  type EarnedBadge,
  type ProgressSnapshot,
} from '@exhale/core/progress';

import type { Storage } from '@/lib/storage/types';

import { readShowStreaks } from './progress-settings';

export interface ProgressView {
  snapshot: ProgressSnapshot;
  /** Core's badge table, in display order (handed over so screens need not import it). */
  table: readonly BadgeDefinition[];
  today: CalendarDay;
  showStreaks: boolean;
  /** Badges this load stored for the first time (e.g. after an import), in table order. */
  stored: EarnedBadge[];
}

export interface LoadProgressOptions {
  now: number;
  timeZone: string;
  /** The month of the heat-map, 'YYYY-MM'; today's month by default. */
  month?: string;
}

/**
 * How many of the latest calm ratings the view lists and the trend card draws: the last
 * few dozen keep the line readable on a phone. Years of ratings would otherwise each
 * become a point with its day written out, on every visit, to be thrown away.
 */
export const CALM_TREND_POINTS = 30;

/**
 * Reads the lean history and stored badges, computes everything the progress screen and
 * the post-session moment show, and stores badges the history has earned but the table
 * lacks. The badges table keeps a badge once stored, so a badge survives pruning.
 */
export async function loadProgress(
  storage: Storage,
  { now, timeZone, month }: LoadProgressOptions,
): Promise<ProgressView> {
  const today = localDay(now, timeZone);
  const [history, alreadyEarned, showStreaks] = await Promise.all([
    storage.sessions.progressHistory(),
    storage.badges.list(),
    readShowStreaks(storage.settings),
  ]);
  const snapshot = progressSnapshot(history.sessions, {
    today,
    ratings: history.ratings,
    alreadyEarned,
    weeks: 8,
    months: 6,
    calmPoints: CALM_TREND_POINTS,
    ...(month ? { month } : {}),
  });
  const stored =
    snapshot.badges.newlyEarned.length > 0
      ? await storage.badges.award(snapshot.badges.newlyEarned)
      : [];
  return { snapshot, table: BADGES, today, showStreaks, stored };
}

const DEFINITIONS = new Map<string, BadgeDefinition>(BADGES.map((badge) => [badge.id, badge]));

/** The table's entry for a stored badge id (null for ids from a newer app version). */
export function badgeDefinition(id: string): BadgeDefinition | null {
  return DEFINITIONS.get(id) ?? null;
}
