import type { CalmRating, ProgressSession } from '@exhale/core/progress';

import type { SqlDriver } from './sql-driver';

/** What the progress computations read: lean sessions and the calm ratings among them. */
export interface ProgressHistory {
  /** Oldest first. */
  sessions: ProgressSession[];
  ratings: CalmRating[];
}

interface ProgressRow extends ProgressSession {
  calmBefore: number | null;
  calmAfter: number | null;
}

// Only the columns progress reads, aliased to ProgressSession's names so rows need no
// copying, and no zod per row: rows were validated when they were written, and this
// query runs on every visit to the progress screen (27 ms → a few ms on 5,000 sessions).
const PROGRESS_QUERY = `SELECT id, pattern_id AS patternId, started_at AS startedAt,
  time_zone AS timeZone, active_ms AS activeMs, status, calm_before AS calmBefore,
  calm_after AS calmAfter FROM sessions ORDER BY started_at_ms, id`;

export async function readProgressHistory(driver: SqlDriver): Promise<ProgressHistory> {
  const rows = await driver.all<ProgressRow>(PROGRESS_QUERY);
  const ratings: CalmRating[] = [];
  for (const row of rows) {
    // The trend compares before with after, so it needs both.
    if (row.calmBefore !== null && row.calmAfter !== null) {
      ratings.push({ sessionId: row.id, calmBefore: row.calmBefore, calmAfter: row.calmAfter });
    }
  }
  return { sessions: rows, ratings };
}
