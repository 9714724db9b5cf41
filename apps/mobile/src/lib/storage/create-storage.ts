import { createBadgesRepository } from './badges.repository';
import { createDataRepository } from './data.repository';
import { migrate } from './migrations';
import { createProfileRepository } from './profile.repository';
import { createSessionsRepository } from './sessions.repository';
import { createSettingsRepository } from './settings.repository';
import type { SqlDriver } from './sql-driver';
import type { Storage, StorageWarning } from './types';

export interface CreateStorageOptions {
  /** The clock for created_at/updated_at stamps. */
  now?: () => Date;
  /** Told about stored rows that were skipped as unreadable; console.warn by default. */
  onWarning?: (warning: StorageWarning) => void;
}

/** Brings the database up to the current schema, then exposes the repositories over it. */
export async function createStorage(
  driver: SqlDriver,
  options: CreateStorageOptions = {},
): Promise<Storage> {
  const now = options.now ?? (() => new Date());
  const warn = options.onWarning ?? ((warning) => console.warn(`[storage] ${warning.message}`));
  await migrate(driver);
  const sessions = createSessionsRepository(driver, { now, warn });
  const profile = createProfileRepository(driver, { now });
  const badges = createBadgesRepository(driver, { now });
  return {
    sessions,
    profile,
    settings: createSettingsRepository(driver, { now }),
    badges,
    data: createDataRepository(driver, { sessions, profile, badges }, { now }),
    close: () => driver.close(),
  };
}
