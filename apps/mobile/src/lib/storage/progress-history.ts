import type { CalmRating, ProgressSession } from '@exhale/core/progress';

import type { SqlDriver } from './sql-driver';

/** What the progress computations read: lean sessions and the calm ratings among them. */
export interface ProgressHistory {
  /** Oldest first. */
  sessions: ProgressSession[];
  ratings: CalmRating[];
}

type ProgressRow = [
  id: string,
  patternId: string,
  startedAt: string,
  timeZone: string,
  activeMs: number,
  completed: 0 | 1,
  calmBefore: number | null,
  calmAfter: number | null,
];

// Only the columns progress reads, as positional rows, and no zod per row: rows were
// validated when they were written, and this query runs on every visit to the progress
// screen (list() with zod takes ~27 ms on 5,000 sessions; named-column rows ~9 ms).
// The status comes as 0 or 1 (the table's CHECK allows only 'completed' and 'partial') so
// that each session shares one of two strings instead of bringing its own.
const PROGRESS_QUERY = `SELECT id, pattern_id, started_at, time_zone, active_ms,
  status = 'completed', calm_before, calm_after FROM sessions ORDER BY started_at_ms, id`;

export async function readProgressHistory(driver: SqlDriver): Promise<ProgressHistory> {
  const rows = (await driver.allRows(PROGRESS_QUERY)) as ProgressRow[];
  const sessions: ProgressSession[] = new Array(rows.length);
  const ratings: CalmRating[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const [id, patternId, startedAt, timeZone, activeMs, completed, calmBefore, calmAfter] = rows[
      i
    ] as ProgressRow;
    const status = completed === 1 ? 'completed' : 'partial';
    sessions[i] = { id, patternId, startedAt, timeZone, activeMs, status };
    // The trend compares before with after, so it needs both.
    if (calmBefore !== null && calmAfter !== null) {
      ratings.push({ sessionId: id, calmBefore, calmAfter });
    }
  }
  return { sessions, ratings };
}
