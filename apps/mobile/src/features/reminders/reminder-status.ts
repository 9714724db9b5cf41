import type { PreferredTime } from '@exhale/core/coach';
import type { ClockTime, Reminder } from '@exhale/core/progress';

import type { NotificationPermission } from './reminder-notifier.types';

// Kept apart from the scheduling code (core's reminder functions and storage reads), so
// the home screen can show the reminder banner without loading them on the first screen.
export interface ReminderStatus {
  /** The practice time from the profile, or null when none was chosen. */
  time: ClockTime | null;
  preferred: PreferredTime | null;
  /** The person wants reminders; null while they have not decided. */
  enabled: boolean | null;
  permission: NotificationPermission;
  practisedToday: boolean;
  /** Pending notifications after this sync, soonest first. */
  scheduled: Reminder[];
  /** When today's reminder time is (or was), for the in-app banner; null without a time. */
  todayAtMs: number | null;
  timeZone: string;
}

type Listener = (status: ReminderStatus) => void;
const listeners = new Set<Listener>();
let latest: ReminderStatus | null = null;

/** The last status any sync produced, for screens mounting after it. */
export function lastReminderStatus(): ReminderStatus | null {
  return latest;
}

export function subscribeReminderStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishReminderStatus(status: ReminderStatus): ReminderStatus {
  latest = status;
  for (const listener of listeners) listener(status);
  return status;
}
