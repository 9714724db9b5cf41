import { analytics } from '@/features/analytics/analytics';
import { syncRemindersNow } from '@/features/reminders/sync-now';
import type { Storage } from '@/lib/storage/types';

import { applyRetention } from './retention';

export { syncRemindersNow };

/** Retention first (so nothing pruned is scheduled or sent), then analytics and reminders. */
export async function runStartTasks(storage: Storage): Promise<void> {
  await applyRetention(storage, Date.now()).catch((error: unknown) =>
    console.warn('Could not remove old sessions', error),
  );
  await analytics
    .start(storage.settings)
    .catch((error: unknown) => console.warn('Could not start analytics', error));
  await syncRemindersNow(storage).catch((error: unknown) =>
    console.warn('Could not schedule reminders', error),
  );
}
