import type { SessionRecord } from '@exhale/core';

import type { Storage } from '@/lib/storage';
import { createBetterSqliteDriver } from '@/lib/storage/better-sqlite-driver';
import { createStorage } from '@/lib/storage/create-storage';

type FailingMethod = 'add' | 'list';

export interface TestStorage extends Storage {
  /** Makes the next `times` calls of a sessions method fail, as a broken database would. */
  fail(method: FailingMethod, times?: number): void;
}

/**
 * The app's real storage (migrations, repositories, validation) on an in-memory SQLite
 * through better-sqlite3, because expo-sqlite cannot run under Jest. UI tests get the same
 * behaviour as the device, and a way to make reads or writes fail.
 */
export async function createTestStorage(initial: SessionRecord[] = []): Promise<TestStorage> {
  const storage = await createStorage(createBetterSqliteDriver(':memory:'));
  for (const record of initial) await storage.sessions.add(record);

  const failures = new Map<FailingMethod, number>();
  const failIfAsked = (method: FailingMethod) => {
    const remaining = failures.get(method) ?? 0;
    if (remaining > 0) {
      failures.set(method, remaining - 1);
      throw new Error(`${method} failed`);
    }
  };
  const { sessions } = storage;

  return {
    ...storage,
    sessions: {
      ...sessions,
      async add(record) {
        failIfAsked('add');
        return sessions.add(record);
      },
      async list(options) {
        failIfAsked('list');
        return sessions.list(options);
      },
    },
    fail(method, times = Number.POSITIVE_INFINITY) {
      failures.set(method, times);
    },
  };
}
