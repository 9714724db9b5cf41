import type { SqlDriver } from './sql-driver';
import type { SettingsRepository } from './types';

export function createSettingsRepository(
  driver: SqlDriver,
  deps: { now: () => Date },
): SettingsRepository {
  return {
    async get<T>(key: string, fallback: T): Promise<T> {
      const row = await driver.first<{ value: string }>(
        'SELECT value FROM settings WHERE key = ?',
        [key],
      );
      // The column's CHECK (json_valid) guarantees the text parses.
      return row ? (JSON.parse(row.value) as T) : fallback;
    },

    async set<T>(key: string, value: T): Promise<void> {
      const json = JSON.stringify(value) as string | undefined;
      if (json === undefined) {
        throw new TypeError(`settings.set("${key}"): the value has no JSON form (${typeof value})`);
      }
      await driver.run(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [key, json, deps.now().toISOString()],
      );
    },
  };
}
