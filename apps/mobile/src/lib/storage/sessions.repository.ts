import { sessionRecordSchema, type SessionRecord } from '@exhale/core';

import { InvalidSessionRecordError, SessionNotFoundError, type FieldIssue } from './errors';
import { instantMs } from './instant';
import { readProgressHistory } from './progress-history';
import type { SqlDriver, SqlValue } from './sql-driver';
import type { ListSessionsOptions, SessionsRepository, StorageWarning } from './types';

interface SessionRow {
  id: string;
  pattern_id: string;
  started_at: string;
  ended_at: string;
  time_zone: string;
  breaths_completed: number;
  total_breaths: number;
  active_ms: number;
  status: string;
  calm_before: number | null;
  calm_after: number | null;
  note: string | null;
}

const SELECT_SESSIONS = `SELECT id, pattern_id, started_at, ended_at, time_zone, breaths_completed,
  total_breaths, active_ms, status, calm_before, calm_after, note FROM sessions`;

// On a repeated id every field but created_at is replaced, so re-saving a session (e.g.
// a partial one finished later, or an import) never duplicates it.
const UPSERT_SESSION = `INSERT INTO sessions (id, pattern_id, started_at, started_at_ms, ended_at,
  time_zone, breaths_completed, total_breaths, active_ms, status, calm_before, calm_after, note,
  created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET
    pattern_id = excluded.pattern_id,
    started_at = excluded.started_at,
    started_at_ms = excluded.started_at_ms,
    ended_at = excluded.ended_at,
    time_zone = excluded.time_zone,
    breaths_completed = excluded.breaths_completed,
    total_breaths = excluded.total_breaths,
    active_ms = excluded.active_ms,
    status = excluded.status,
    calm_before = excluded.calm_before,
    calm_after = excluded.calm_after,
    note = excluded.note`;

/** SessionRecord leaves optional fields out rather than holding undefined or null. */
function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

function toFieldIssues(issues: { path: PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function checkListOptions({ limit, before }: ListSessionsOptions): number | null {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RangeError(`list: limit must be a non-negative integer, got ${limit}`);
  }
  if (before === undefined) return null;
  const beforeMs = instantMs(before);
  if (beforeMs === null) {
    throw new RangeError(
      `list: before must be an ISO instant such as 2025-01-31T08:00:00Z, got "${before}"`,
    );
  }
  return beforeMs;
}

export function createSessionsRepository(
  driver: SqlDriver,
  deps: { now: () => Date; warn: (warning: StorageWarning) => void },
): SessionsRepository {
  // A row that no longer matches the contract (written by a buggy build, edited by hand)
  // is reported and skipped so that one bad row cannot take the whole history down.
  function toRecord(row: SessionRow): SessionRecord | null {
    const parsed = sessionRecordSchema.safeParse({
      id: row.id,
      patternId: row.pattern_id,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      timeZone: row.time_zone,
      breathsCompleted: row.breaths_completed,
      totalBreaths: row.total_breaths,
      activeMs: row.active_ms,
      status: row.status,
      ...optional('calmBefore', row.calm_before),
      ...optional('calmAfter', row.calm_after),
      ...optional('note', row.note),
    });
    if (parsed.success) return parsed.data;
    const issues = toFieldIssues(parsed.error.issues)
      .map(({ path, message }) => `${path}: ${message}`)
      .join('; ');
    deps.warn({
      code: 'corrupt_session_row',
      id: row.id,
      message: `Skipped stored session ${row.id}: ${issues}`,
    });
    return null;
  }

  return {
    async add(record) {
      const parsed = sessionRecordSchema.safeParse(record);
      if (!parsed.success) throw new InvalidSessionRecordError(toFieldIssues(parsed.error.issues));
      const r = parsed.data;
      const startedAtMs = instantMs(r.startedAt);
      if (startedAtMs === null) {
        throw new InvalidSessionRecordError([
          { path: 'startedAt', message: 'Invalid ISO datetime' },
        ]);
      }
      await driver.run(UPSERT_SESSION, [
        r.id,
        r.patternId,
        r.startedAt,
        startedAtMs,
        r.endedAt,
        r.timeZone,
        r.breathsCompleted,
        r.totalBreaths,
        r.activeMs,
        r.status,
        r.calmBefore ?? null,
        r.calmAfter ?? null,
        r.note ?? null,
        deps.now().toISOString(),
      ]);
    },

    async saveReflection(id, reflection) {
      const row = await driver.first<SessionRow>(`${SELECT_SESSIONS} WHERE id = ?`, [id]);
      if (!row) throw new SessionNotFoundError(id);
      const current = toRecord(row);
      if (!current) throw new SessionNotFoundError(id);
      const { calmBefore, calmAfter, note, ...rest } = current;
      const merged = {
        ...rest,
        ...optional(
          'calmBefore',
          reflection.calmBefore === undefined ? (calmBefore ?? null) : reflection.calmBefore,
        ),
        ...optional(
          'calmAfter',
          reflection.calmAfter === undefined ? (calmAfter ?? null) : reflection.calmAfter,
        ),
        ...optional('note', reflection.note === undefined ? (note ?? null) : reflection.note),
      };
      const parsed = sessionRecordSchema.safeParse(merged);
      if (!parsed.success) throw new InvalidSessionRecordError(toFieldIssues(parsed.error.issues));
      await driver.run(
        'UPDATE sessions SET calm_before = ?, calm_after = ?, note = ? WHERE id = ?',
        [
          parsed.data.calmBefore ?? null,
          parsed.data.calmAfter ?? null,
          parsed.data.note ?? null,
          id,
        ],
      );
      return parsed.data;
    },

    async list(options = {}) {
      const beforeMs = checkListOptions(options);
      const params: SqlValue[] = [];
      let sql = SELECT_SESSIONS;
      if (beforeMs !== null) {
        sql += ' WHERE started_at_ms < ?';
        params.push(beforeMs);
      }
      sql += ' ORDER BY started_at_ms DESC, id DESC';
      if (options.limit !== undefined) {
        sql += ' LIMIT ?';
        params.push(options.limit);
      }
      const rows = await driver.all<SessionRow>(sql, params);
      return rows.map(toRecord).filter((record): record is SessionRecord => record !== null);
    },

    async get(id) {
      const row = await driver.first<SessionRow>(`${SELECT_SESSIONS} WHERE id = ?`, [id]);
      return row ? toRecord(row) : null;
    },

    progressHistory: () => readProgressHistory(driver),

    async count() {
      const row = await driver.first<{ n: number }>('SELECT COUNT(*) AS n FROM sessions');
      return row?.n ?? 0;
    },
  };
}
