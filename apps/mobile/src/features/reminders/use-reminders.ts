import type { PreferredTime } from '@exhale/core/coach';
import { useCallback, useEffect, useState } from 'react';

import { deviceTimeZone } from '@/features/progress/device-time-zone';
import { loadProgressRuntime } from '@/features/progress/load-runtime';
import { useStorage } from '@/lib/storage';

import { reminderNotifier } from './reminder-notifier';
import {
  lastReminderStatus,
  subscribeReminderStatus,
  type ReminderStatus,
} from './reminder-status';

// The scheduling code (core's reminder functions, storage reads) loads on first use on the
// web, not with the home screen.
const scheduling = loadProgressRuntime;

function syncOptions() {
  return { now: Date.now(), timeZone: deviceTimeZone() };
}

export interface UseRemindersResult {
  status: ReminderStatus | null;
  capabilities: typeof reminderNotifier.capabilities;
  /** A human sentence when the last change failed. */
  error: string | null;
  busy: boolean;
  refresh: () => Promise<void>;
  setEnabled: (enabled: boolean) => Promise<void>;
  setTime: (time: PreferredTime) => Promise<void>;
}

/** The reminder routine as the screens see it, kept in step with every sync in the app. */
export function useReminders(): UseRemindersResult {
  const storage = useStorage();
  const [status, setStatus] = useState<ReminderStatus | null>(lastReminderStatus);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => subscribeReminderStatus(setStatus), []);

  const run = useCallback(async (task: () => Promise<unknown>, failure: string) => {
    setBusy(true);
    try {
      await task();
      setError(null);
    } catch (cause) {
      console.warn(failure, cause);
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);

  const refresh = useCallback(async () => {
    if (!storage) return;
    await run(
      async () => (await scheduling()).syncReminders(storage, reminderNotifier, syncOptions()),
      'Your reminders could not be checked just now. They will be checked again next time you open Exhale.',
    );
  }, [storage, run]);

  // Checked again on every mount: the person may have allowed or blocked notifications in
  // the system's settings since, or the day may have changed.
  useEffect(() => {
    if (storage) void refresh();
  }, [storage, refresh]);

  return {
    status,
    capabilities: reminderNotifier.capabilities,
    error,
    busy,
    refresh,
    setEnabled: async (enabled) => {
      if (!storage) return;
      await run(
        async () =>
          (await scheduling()).setRemindersEnabled(
            storage,
            reminderNotifier,
            enabled,
            syncOptions(),
          ),
        'Your reminder setting could not be saved. Please try again.',
      );
    },
    setTime: async (time) => {
      if (!storage) return;
      await run(
        async () =>
          (await scheduling()).setPreferredTime(storage, reminderNotifier, time, syncOptions()),
        'The new reminder time could not be saved. Please try again.',
      );
    },
  };
}
