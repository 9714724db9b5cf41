import { TransactionAlreadyActiveError } from './errors';

/** The values the repositories bind: SQLite's TEXT, INTEGER/REAL and NULL. */
export type SqlValue = string | number | null;

/**
 * The small async SQL surface the repositories need. Implemented over expo-sqlite for the
 * app (iOS, Android, web) and over better-sqlite3 for the tests, so both run the same
 * repositories and migrations.
 */
export interface SqlDriver {
  /** Runs one or more statements without parameters (DDL, PRAGMA). */
  exec(sql: string): Promise<void>;
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>;
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  first<T>(sql: string, params?: SqlValue[]): Promise<T | null>;
  /**
   * Rows as arrays of column values in SELECT order. For large reads (the progress history):
   * building one object per row with named properties costs about as much as the query.
   */
  allRows(sql: string, params?: SqlValue[]): Promise<SqlValue[][]>;
  /**
   * Runs `fn` between BEGIN and COMMIT, rolling back if it throws. The database has one
   * connection, so any statement issued while `fn` runs joins the transaction; callers
   * keep transactions short and do not nest them.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * BEGIN/COMMIT/ROLLBACK shared by both drivers. It is what expo-sqlite's
 * withTransactionAsync does, with two differences: a second transaction on the same
 * connection is refused up front (SQLite would fail its BEGIN and the ROLLBACK that
 * follows would undo the first transaction's work), and a failing ROLLBACK never hides
 * the error that caused it. withExclusiveTransactionAsync is not an option: it throws
 * on web.
 */
export function createTransactionRunner(
  exec: (sql: string) => Promise<void>,
): SqlDriver['transaction'] {
  let active = false;
  return async function transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (active) throw new TransactionAlreadyActiveError();
    active = true;
    try {
      await exec('BEGIN');
      try {
        const result = await fn();
        await exec('COMMIT');
        return result;
      } catch (error) {
        // SQLite may already have rolled back (e.g. after SQLITE_FULL); the original error
        // is the one worth reporting.
        await exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      active = false;
    }
  };
}
