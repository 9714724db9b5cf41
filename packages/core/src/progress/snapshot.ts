import { awardBadgesWith, BADGES, type BadgeAwards, type EarnedBadge } from './badges';
import { sessionTimes, type ProgressSession } from './session-time';
import { streaksWith, type Streaks } from './streaks';
import { progressSummaryWith, type ProgressSummary, type ProgressSummaryOptions } from './summary';

export interface ProgressSnapshotOptions extends ProgressSummaryOptions {
  /** Badges already stored: kept as they are, never awarded again. */
  alreadyEarned?: readonly EarnedBadge[];
}

export interface ProgressSnapshot {
  streaks: Streaks;
  badges: BadgeAwards;
  summary: ProgressSummary;
}

/**
 * Everything the progress screen shows, in one call: computeStreaks, awardBadges and
 * progressSummary over the same sessions, each session's local time worked out once
 * instead of three times.
 */
export function progressSnapshot(
  sessions: readonly ProgressSession[],
  options: ProgressSnapshotOptions,
): ProgressSnapshot {
  const times = sessionTimes(sessions);
  return {
    streaks: streaksWith(sessions, options, times),
    badges: awardBadgesWith(sessions, options.alreadyEarned ?? [], BADGES, times),
    summary: progressSummaryWith(sessions, options, times),
  };
}
