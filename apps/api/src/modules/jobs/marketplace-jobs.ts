import { sendBookingReminders } from './booking-reminders';
import { completeEndedSessions } from './complete-sessions';
import { expireUnpaidHolds } from './expire-holds';
import type { Job } from './job';
import { reconcilePayments } from './reconcile-payments';
import { refreshAvailability } from './refresh-availability';

const EVERY_MINUTE = '* * * * *';

/** The marketplace's periodic work, run by pg-boss on Postgres and in process on PGlite. */
export const MARKETPLACE_JOBS: readonly Job[] = [
  { name: 'expire-holds', everySeconds: 30, cron: EVERY_MINUTE, run: expireUnpaidHolds },
  {
    name: 'complete-sessions',
    everySeconds: 300,
    cron: '*/5 * * * *',
    run: completeEndedSessions,
  },
  { name: 'refresh-availability', everySeconds: 60, cron: EVERY_MINUTE, run: refreshAvailability },
  { name: 'booking-reminders', everySeconds: 60, cron: EVERY_MINUTE, run: sendBookingReminders },
  { name: 'reconcile-payments', everySeconds: 60, cron: EVERY_MINUTE, run: reconcilePayments },
];
