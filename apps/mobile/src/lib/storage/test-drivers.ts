// Test-only helpers shared by the storage tests; never imported by app code.
import Database from 'better-sqlite3';
import type { SQLiteDatabase } from 'expo-sqlite';

import { createBetterSqliteDriver } from './better-sqlite-driver';
import { createExpoSqliteDriver } from './expo-sqlite-driver';
import type { SqlDriver, SqlValue } from './sql-driver';

/**
 * expo-sqlite cannot run under Jest, so this stands in for its SQLiteDatabase with the
 * async methods the expo driver calls, with the documented semantics (positional params
 * as an array, getFirstAsync → null when there is no row), backed by a real SQLite. It
 * lets the whole suite run through createExpoSqliteDriver's code as well.
 */
function expoDatabaseStandIn(filename: string): SQLiteDatabase {
  const db = new Database(filename);
  const standIn = {
    async execAsync(sql: string) {
      db.exec(sql);
    },
    async runAsync(sql: string, params: SqlValue[]) {
      const { changes, lastInsertRowid } = db.prepare(sql).run(...params);
      return { changes, lastInsertRowId: Number(lastInsertRowid) };
    },
    async getAllAsync(sql: string, params: SqlValue[]) {
      return db.prepare(sql).all(...params);
    },
    async getFirstAsync(sql: string, params: SqlValue[]) {
      return db.prepare(sql).get(...params) ?? null;
    },
    async prepareAsync(sql: string) {
      const statement = db.prepare(sql);
      return {
        async executeForRawResultAsync(params: SqlValue[]) {
          const rows = statement.raw(true).all(...params);
          return { getAllAsync: async () => rows };
        },
        async finalizeAsync() {},
      };
    },
    async closeAsync() {
      db.close();
    },
  };
  return standIn as unknown as SQLiteDatabase;
}

export const DRIVERS: [name: string, open: (filename?: string) => SqlDriver][] = [
  ['better-sqlite3 driver', (filename = ':memory:') => createBetterSqliteDriver(filename)],
  [
    'expo-sqlite driver (over a better-sqlite3 stand-in)',
    (filename = ':memory:') => createExpoSqliteDriver(expoDatabaseStandIn(filename)),
  ],
];
