import { RETENTION_POLICIES, type RetentionPolicy } from '@exhale/core/progress';

import type { Storage } from '@/lib/storage/types';

/** Settings key: how long sessions are kept. Absent means forever. */
export const RETENTION_KEY = 'privacy.retention';

export const RETENTION_CHOICES: { policy: RetentionPolicy; label: string }[] = [
  { policy: '30d', label: '30 days' },
  { policy: '1y', label: '1 year' },
  { policy: 'forever', label: 'Forever' },
];

export async function readRetention(storage: Storage): Promise<RetentionPolicy> {
  const stored = await storage.settings.get<string>(RETENTION_KEY, 'forever');
  // A value this version does not know (an import from a newer one) keeps everything.
  return (RETENTION_POLICIES as readonly string[]).includes(stored)
    ? (stored as RetentionPolicy)
    : 'forever';
}

/** Removes sessions older than the chosen policy; badges stay. Returns how many went. */
export async function applyRetention(storage: Storage, now: number): Promise<number> {
  return storage.data.pruneSessions(await readRetention(storage), now);
}
