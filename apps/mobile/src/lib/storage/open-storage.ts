import { openDatabaseAsync } from 'expo-sqlite';

import { createStorage } from './create-storage';
import { createExpoSqliteDriver } from './expo-sqlite-driver';
import type { Storage } from './types';

/**
 * Opens (creating if needed) the on-device database and migrates it. On web the file
 * lives in the origin-private file system, reached through expo-sqlite's wasm worker.
 */
export async function openStorage(name = 'exhale.db'): Promise<Storage> {
  const driver = createExpoSqliteDriver(await openDatabaseAsync(name));
  try {
    return await createStorage(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}

let shared: Promise<Storage> | null = null;

/**
 * The app's one Storage, opened on first call and reused after. expo-sqlite hands a
 * second open of the same file the same native connection, so two Storage objects would
 * run their migrations and transactions interleaved on it (StrictMode and Fast Refresh
 * re-run effects); the provider therefore goes through here. A failed open is forgotten,
 * so the next call tries again.
 */
export function openSharedStorage(): Promise<Storage> {
  shared ??= openStorage().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
