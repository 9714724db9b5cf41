// Test-only: the repositories' tests run on better-sqlite3 because expo-sqlite cannot run
// under Jest. App code never imports this file (it would pull a Node addon into the bundle).
import Database from 'better-sqlite3';

import { createTransactionRunner, type SqlDriver, type SqlValue } from './sql-driver';

/** Opens `filename` (`:memory:` by default) with better-sqlite3 behind the async driver. */
export function createBetterSqliteDriver(filename = ':memory:'): SqlDriver {
  const db = new Database(filename);
  const exec = async (sql: string) => {
    db.exec(sql);
  };
  return {
    exec,
    async run(sql, params = []) {
      const { changes } = db.prepare(sql).run(...params);
      return { changes };
    },
    async all<T>(sql: string, params: unknown[] = []) {
      return db.prepare(sql).all(...params) as T[];
    },
    async allRows(sql, params = []) {
      return db
        .prepare(sql)
        .raw(true)
        .all(...params) as SqlValue[][];
    },
    async first<T>(sql: string, params: unknown[] = []) {
      return (db.prepare(sql).get(...params) as T | undefined) ?? null;
    },
    transaction: createTransactionRunner(exec),
    async close() {
      db.close();
    },
  };
}
