// Everything the progress, reminder and privacy features compute at run time with core's
// progress functions, in one module. On the web it is one lazily loaded chunk: were these
// imported by several lazy screens each, the bundler would hoist the shared code into the
// chunk every page loads first.
export { localDay, sessionLocalDay } from '@exhale/core/progress';
export { applyRetention, readRetention } from '@/features/privacy/retention';
export { runStartTasks } from '@/features/privacy/start-tasks';
export {
  setPreferredTime,
  setRemindersEnabled,
  syncReminders,
} from '@/features/reminders/reminders';
export { syncRemindersNow } from '@/features/reminders/sync-now';

export { badgeDefinition, loadProgress } from './load-progress';
