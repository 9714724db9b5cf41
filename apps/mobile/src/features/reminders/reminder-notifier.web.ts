import type { NotificationPermission, ReminderNotifier } from './reminder-notifier.types';

interface Timer {
  epochMs: number;
  handle: ReturnType<typeof setTimeout>;
}

// A web page cannot wake up once it is closed, and local scheduling APIs for notifications
// never shipped in browsers: reminders here are timers that fire while the tab is open.
const timers = new Map<string, Timer>();

// setTimeout overflows past ~24.8 days; reminders are at most a week ahead, but be safe.
const MAX_DELAY_MS = 2 ** 31 - 1;

function browserNotification(): typeof Notification | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
}

function currentPermission(): NotificationPermission {
  const api = browserNotification();
  if (api === null) return 'unsupported';
  if (api.permission === 'granted') return 'granted';
  return api.permission === 'denied' ? 'denied' : 'undetermined';
}

export const reminderNotifier: ReminderNotifier = {
  capabilities: { whileClosed: false, iconBadge: false },

  async permission() {
    return currentPermission();
  },

  async requestPermission() {
    const api = browserNotification();
    if (api === null) return 'unsupported';
    await api.requestPermission();
    return currentPermission();
  },

  async pending() {
    return [...timers].map(([id, timer]) => ({ id, epochMs: timer.epochMs }));
  },

  async schedule(reminder, text) {
    clearTimeout(timers.get(reminder.id)?.handle);
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, reminder.epochMs - Date.now()));
    const handle = setTimeout(() => {
      timers.delete(reminder.id);
      const api = browserNotification();
      if (api !== null && api.permission === 'granted') {
        new api(text.title, { body: text.body, tag: reminder.id });
      }
    }, delay);
    timers.set(reminder.id, { epochMs: reminder.epochMs, handle });
  },

  async cancel(ids) {
    for (const id of ids) {
      clearTimeout(timers.get(id)?.handle);
      timers.delete(id);
    }
  },

  async setIconBadge() {
    // Browsers have no app icon badge for a page that is not installed.
  },
};
