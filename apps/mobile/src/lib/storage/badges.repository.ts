import type { EarnedBadge } from '@exhale/core/progress';

import { isStoredCalendarDay } from './calendar-day';
import { InvalidBadgeError } from './data-errors';
import type { SqlDriver } from './sql-driver';
import type { BadgesRepository } from './data-types';

interface BadgeRow {
  id: string;
  earned_at: string;
  session_id: string | null;
}

function toBadge(row: BadgeRow): EarnedBadge {
  return row.session_id === null
    ? { id: row.id, earnedAt: row.earned_at }
    : { id: row.id, earnedAt: row.earned_at, sessionId: row.session_id };
}

export function checkBadge(badge: EarnedBadge): string | null {
  if (typeof badge.id !== 'string' || badge.id === '') return 'id must be a non-empty string';
  if (typeof badge.earnedAt !== 'string' || !isStoredCalendarDay(badge.earnedAt)) {
    return `earnedAt must be a day such as 2025-03-10, got "${String(badge.earnedAt)}"`;
  }
  if (badge.sessionId !== undefined && typeof badge.sessionId !== 'string') {
    return 'sessionId must be a string when given';
  }
  return null;
}

/**
 * Stores the badges not stored yet and returns those, in the order given. One statement,
 * so it is atomic without a transaction of its own: the progress screen and the
 * post-session moment may award at the same moment, and transactions on the one
 * connection do not nest. Inside the caller's transaction it simply joins it (import).
 * @throws InvalidBadgeError (before writing anything) when one is malformed.
 */
export async function insertBadges(
  driver: SqlDriver,
  badges: readonly EarnedBadge[],
  createdAt: string,
): Promise<EarnedBadge[]> {
  for (const badge of badges) {
    const problem = checkBadge(badge);
    if (problem) throw new InvalidBadgeError(String(badge.id), problem);
  }
  if (badges.length === 0) return [];
  // DO NOTHING on a known id: a badge is awarded once, and a second award (two screens
  // racing, an import) must neither duplicate it nor move its date.
  const rows = await driver.all<{ id: string }>(
    `INSERT INTO badges (id, earned_at, session_id, created_at)
     VALUES ${badges.map(() => '(?, ?, ?, ?)').join(', ')}
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    badges.flatMap((badge) => [badge.id, badge.earnedAt, badge.sessionId ?? null, createdAt]),
  );
  const inserted = new Set(rows.map((row) => row.id));
  // A repeated id within one call inserts once; report it once.
  return badges.filter(
    (badge, index) =>
      inserted.has(badge.id) && badges.findIndex((b) => b.id === badge.id) === index,
  );
}

/**
 * Earned badges live in their own table, apart from sessions, so pruning old sessions
 * (retention) or importing never takes a badge away, and a badge is stored exactly once:
 * the first award wins and keeps its date.
 */
export function createBadgesRepository(
  driver: SqlDriver,
  deps: { now: () => Date },
): BadgesRepository {
  return {
    async list() {
      const rows = await driver.all<BadgeRow>(
        'SELECT id, earned_at, session_id FROM badges ORDER BY earned_at, id',
      );
      return rows.map(toBadge);
    },

    award: (badges) => insertBadges(driver, badges, deps.now().toISOString()),
  };
}
