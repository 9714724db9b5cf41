import * as Notifications from 'expo-notifications';
import { Platform } from 'react-native';

import type { NotificationPermission, ReminderNotifier } from './reminder-notifier.types';

const CHANNEL_ID = 'daily-reminder';
const REMINDER_PREFIX = 'exhale-reminder-';

// A reminder that arrives while the app is open still shows: the person may be elsewhere
// in the app and it costs nothing to tell them.
Notifications.setNotificationHandler({
  handleNotification: async () => ({
    shouldShowBanner: true,
    shouldShowList: true,
    shouldPlaySound: false,
    shouldSetBadge: true,
  }),
});

function toPermission(status: Notifications.NotificationPermissionsStatus): NotificationPermission {
  if (status.granted) return 'granted';
  // iOS "provisional" delivers quietly to the notification centre: good enough for a reminder.
  if (status.ios?.status === Notifications.IosAuthorizationStatus.PROVISIONAL) return 'granted';
  return status.status === 'denied' ? 'denied' : 'undetermined';
}

let channelReady: Promise<unknown> | null = null;

/** Android 8+ needs a channel before anything is shown; people can tune it in system settings. */
function ensureChannel(): Promise<unknown> {
  if (Platform.OS !== 'android') return Promise.resolve();
  channelReady ??= Notifications.setNotificationChannelAsync(CHANNEL_ID, {
    name: 'Daily reminder',
    description: 'Your daily breathing reminder, at the time you chose.',
    importance: Notifications.AndroidImportance.DEFAULT,
  });
  return channelReady;
}

export const reminderNotifier: ReminderNotifier = {
  capabilities: { whileClosed: true, iconBadge: true },

  async permission() {
    return toPermission(await Notifications.getPermissionsAsync());
  },

  async requestPermission() {
    await ensureChannel();
    return toPermission(
      await Notifications.requestPermissionsAsync({
        ios: { allowAlert: true, allowBadge: true, allowSound: false },
      }),
    );
  },

  async pending() {
    const requests = await Notifications.getAllScheduledNotificationsAsync();
    return requests
      .filter((request) => request.identifier.startsWith(REMINDER_PREFIX))
      .map((request) => ({
        id: request.identifier,
        epochMs: Number((request.content.data as { epochMs?: unknown } | null)?.epochMs ?? NaN),
      }));
  },

  async schedule(reminder, text) {
    await ensureChannel();
    await Notifications.scheduleNotificationAsync({
      identifier: reminder.id,
      content: {
        title: text.title,
        body: text.body,
        // When it fires, the icon shows 1: today's practice is not done yet.
        badge: 1,
        data: { epochMs: reminder.epochMs, day: reminder.day },
      },
      trigger: {
        type: Notifications.SchedulableTriggerInputTypes.DATE,
        date: reminder.epochMs,
        channelId: CHANNEL_ID,
      },
    });
  },

  async cancel(ids) {
    await Promise.all(ids.map((id) => Notifications.cancelScheduledNotificationAsync(id)));
  },

  async setIconBadge(count) {
    await Notifications.setBadgeCountAsync(count);
  },
};
