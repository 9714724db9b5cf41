import { RETENTION_POLICIES, retentionCutoff, type RetentionPolicy } from '@exhale/core/progress';

import type { Storage } from '@/lib/storage/types';

import { RETENTION_KEY } from './retention-choices';

export async function readRetention(storage: Storage): Promise<RetentionPolicy> {
  const stored = await storage.settings.get<string>(RETENTION_KEY, 'forever');
  // A value this version does not know (an import from a newer one) keeps everything.
  return (RETENTION_POLICIES as readonly string[]).includes(stored)
    ? (stored as RetentionPolicy)
    : 'forever';
}

/** Removes sessions older than the chosen policy; badges stay. Returns how many went. */
export async function applyRetention(storage: Storage, now: number): Promise<number> {
  const cutoff = retentionCutoff(await readRetention(storage), now);
  return cutoff === null ? 0 : storage.data.deleteSessionsBefore(cutoff);
}
