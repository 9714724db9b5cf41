import type { PreferredTime } from '@exhale/core/coach';
import {
  appBadgeCount,
  computeStreaks,
  diffReminders,
  instantAtLocalTime,
  localDay,
  nextReminders,
  practisedDays,
  preferredTimeToClock,
  reminderText,
  type ClockTime,
  type ReminderText,
} from '@exhale/core/progress';

import { analytics } from '@/features/analytics/analytics';
import { readShowStreaks } from '@/features/progress/progress-settings';
import type { Profile, Storage } from '@/lib/storage';

import type { ReminderNotifier } from './reminder-notifier.types';
import { publishReminderStatus, type ReminderStatus } from './reminder-status';

/** Settings key: the person's reminder choice; absent until they decide. */
export const REMINDERS_ENABLED_KEY = 'reminders.enabled';

export interface SyncOptions {
  now: number;
  timeZone: string;
}

/** The reminder's words with the person's name added on the device (core never sees it). */
export function personalText(base: ReminderText, name: string | null): ReminderText {
  const trimmed = name?.trim();
  return trimmed ? { title: `${base.title}, ${trimmed}`, body: base.body } : base;
}

function preferredClock(profile: Profile | null): ClockTime | null {
  if (!profile?.preferredTime) return null;
  try {
    return preferredTimeToClock(profile.preferredTime);
  } catch {
    return null;
  }
}

/**
 * Makes the pending notifications match core's nextReminders for the routine now: run on
 * app start, on return to the foreground (which also catches a time-zone change), after a
 * session and after a settings change. Also sets the icon badge: 1 while today's practice
 * is not done, 0 after.
 */
export async function syncReminders(
  storage: Storage,
  notifier: ReminderNotifier,
  { now, timeZone }: SyncOptions,
): Promise<ReminderStatus> {
  const [profile, enabled, history, permission, showStreaks] = await Promise.all([
    storage.profile.get(),
    storage.settings.get<boolean | null>(REMINDERS_ENABLED_KEY, null),
    storage.sessions.progressHistory(),
    notifier.permission(),
    readShowStreaks(storage.settings),
  ]);
  const today = localDay(now, timeZone);
  const time = preferredClock(profile);
  const days = practisedDays(history.sessions);
  const streaks = computeStreaks(history.sessions, { today });
  const practisedToday = streaks.practisedToday;
  const active = enabled === true && time !== null && permission === 'granted';

  const next = active
    ? nextReminders({ time, timeZone, enabled: true }, { now, practisedDays: days })
    : [];
  const changes = diffReminders(await notifier.pending(), next);
  await notifier.cancel(changes.cancel);
  for (const reminder of changes.schedule) {
    // Someone who hid streaks does not get them in reminders either.
    const base = reminderText(reminder.day, {
      streak: showStreaks ? streaks : null,
      goal: profile?.goal ?? null,
    });
    await notifier.schedule(reminder, personalText(base, profile?.name ?? null));
  }
  if (notifier.capabilities.iconBadge && permission === 'granted') {
    await notifier.setIconBadge(appBadgeCount({ practisedToday, enabled: enabled === true }));
  }

  return publishReminderStatus({
    time,
    preferred: profile?.preferredTime ?? null,
    enabled,
    permission,
    practisedToday,
    scheduled: next,
    todayAtMs: time === null ? null : instantAtLocalTime(today, time, timeZone).epochMs,
    timeZone,
  });
}

/**
 * The person turned reminders on or off. Turning on asks for notification permission
 * (the caller has already explained why); refused, the choice is still kept so the app
 * shows its in-app banner instead.
 */
export async function setRemindersEnabled(
  storage: Storage,
  notifier: ReminderNotifier,
  enabled: boolean,
  options: SyncOptions,
): Promise<ReminderStatus> {
  // Only while undecided: a refusal is the person's answer, and the system would not
  // show its prompt again anyway.
  if (enabled && (await notifier.permission()) === 'undetermined') {
    const answer = await notifier.requestPermission();
    analytics.track({ name: 'reminder_permission', properties: { granted: answer === 'granted' } });
  }
  await storage.settings.set(REMINDERS_ENABLED_KEY, enabled);
  return syncReminders(storage, notifier, options);
}

/** A new practice time: stored in the profile (onboarding's answer), then rescheduled. */
export async function setPreferredTime(
  storage: Storage,
  notifier: ReminderNotifier,
  preferredTime: PreferredTime,
  options: SyncOptions,
): Promise<ReminderStatus> {
  const profile = await storage.profile.get();
  await storage.profile.save({
    name: profile?.name ?? null,
    experience: profile?.experience ?? null,
    goal: profile?.goal ?? null,
    safety: profile?.safety ?? null,
    onboardedAt: profile?.onboardedAt ?? null,
    preferredTime,
  });
  return syncReminders(storage, notifier, options);
}
