import { sessionRecordSchema, type SessionRecord } from '@exhale/core';

import type { Profile, Storage } from '@/lib/storage';

export interface MemoryStorage extends Storage {
  /** Makes the next `times` calls of a repository method fail, as a broken database would. */
  fail(method: 'add' | 'list', times?: number): void;
}

/**
 * Our Storage interface over plain arrays, for UI tests: it validates records with the
 * same schema the SQLite repository uses and keeps its ordering (newest start first).
 */
export function createMemoryStorage(initial: SessionRecord[] = []): MemoryStorage {
  let sessions = [...initial];
  let profile: Profile | null = null;
  const settings = new Map<string, unknown>();
  const failures = new Map<'add' | 'list', number>();

  const failIfAsked = (method: 'add' | 'list') => {
    const remaining = failures.get(method) ?? 0;
    if (remaining > 0) {
      failures.set(method, remaining - 1);
      throw new Error(`${method} failed`);
    }
  };

  return {
    sessions: {
      async add(record) {
        failIfAsked('add');
        const valid = sessionRecordSchema.parse(record);
        sessions = [...sessions.filter((s) => s.id !== valid.id), valid];
      },
      async list({ limit, before } = {}) {
        failIfAsked('list');
        const sorted = sessions
          .filter((s) => before === undefined || Date.parse(s.startedAt) < Date.parse(before))
          .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
        return limit === undefined ? sorted : sorted.slice(0, limit);
      },
      async get(id) {
        return sessions.find((s) => s.id === id) ?? null;
      },
      async count() {
        return sessions.length;
      },
    },
    profile: {
      async get() {
        return profile;
      },
      async save(next) {
        profile = { ...next, updatedAt: new Date().toISOString() };
        return profile;
      },
    },
    settings: {
      async get<T>(key: string, fallback: T) {
        return settings.has(key) ? (settings.get(key) as T) : fallback;
      },
      async set<T>(key: string, value: T) {
        settings.set(key, value);
      },
    },
    async close() {},
    fail(method, times = Number.POSITIVE_INFINITY) {
      failures.set(method, times);
    },
  };
}
