import { deviceTimeZone } from '@/features/progress/device-time-zone';
import type { Storage } from '@/lib/storage/types';

import { reminderNotifier } from './reminder-notifier';
import type { ReminderStatus } from './reminder-status';
import { syncReminders } from './reminders';

/** Brings the device's reminders and icon badge up to date for now, in the device's zone. */
export function syncRemindersNow(storage: Storage): Promise<ReminderStatus> {
  return syncReminders(storage, reminderNotifier, { now: Date.now(), timeZone: deviceTimeZone() });
}
