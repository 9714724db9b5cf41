import type { SQLiteDatabase } from 'expo-sqlite';

import { createTransactionRunner, type SqlDriver, type SqlValue } from './sql-driver';

/** Wraps an expo-sqlite database through its async API only (the sync API blocks on web). */
export function createExpoSqliteDriver(db: SQLiteDatabase): SqlDriver {
  const exec = (sql: string) => db.execAsync(sql);
  return {
    exec,
    async run(sql, params = []) {
      const { changes } = await db.runAsync(sql, params);
      return { changes };
    },
    all: (sql, params = []) => db.getAllAsync(sql, params),
    first: (sql, params = []) => db.getFirstAsync(sql, params),
    async allRows(sql, params = []) {
      const statement = await db.prepareAsync(sql);
      try {
        const result = await statement.executeForRawResultAsync<SqlValue[]>(params);
        return (await result.getAllAsync()) as SqlValue[][];
      } finally {
        await statement.finalizeAsync();
      }
    },
    transaction: createTransactionRunner(exec),
    close: () => db.closeAsync(),
  };
}
