import type { RetentionPolicy } from '@exhale/core/progress';

/** Settings key: how long sessions are kept. Absent means forever. */
export const RETENTION_KEY = 'privacy.retention';

export const RETENTION_CHOICES: { policy: RetentionPolicy; label: string }[] = [
  { policy: '30d', label: '30 days' },
  { policy: '1y', label: '1 year' },
  { policy: 'forever', label: 'Forever' },
];
