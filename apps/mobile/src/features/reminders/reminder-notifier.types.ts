import type { Reminder, ReminderText } from '@exhale/core/progress';

export type NotificationPermission = 'granted' | 'denied' | 'undetermined' | 'unsupported';

/** What the platform can do with reminders; the settings screen says what is missing. */
export interface NotifierCapabilities {
  /** Reminders arrive while the app is closed (phones); false on the web. */
  whileClosed: boolean;
  /** The app icon can show a badge count. */
  iconBadge: boolean;
}

/** The platform's local notifications, as reminder scheduling needs them. */
export interface ReminderNotifier {
  capabilities: NotifierCapabilities;
  permission(): Promise<NotificationPermission>;
  /** Asks the system (shows its prompt when it still may). */
  requestPermission(): Promise<NotificationPermission>;
  /** Exhale's reminders now pending, with when each fires. */
  pending(): Promise<{ id: string; epochMs: number }[]>;
  schedule(reminder: Reminder, text: ReminderText): Promise<void>;
  cancel(ids: readonly string[]): Promise<void>;
  setIconBadge(count: 0 | 1): Promise<void>;
}
