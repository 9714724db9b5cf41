import { sendBookingReminders } from './booking-reminders';
import { completeEndedSessions } from './complete-sessions';
import { expireUnpaidHolds } from './expire-holds';
import type { Job } from './job';
import { checkPushReceipts } from './push-receipts';
import { reconcilePayments } from './reconcile-payments';
import { refreshAvailability } from './refresh-availability';

const everyMinute = (everySeconds: number) => ({ everySeconds, cron: '* * * * *' });

/** The marketplace's jobs, run by pg-boss on Postgres and in process on PGlite. */
export const MARKETPLACE_JOBS: readonly Job[] = [
  { name: 'expire-holds', schedule: everyMinute(30), run: expireUnpaidHolds },
  {
    name: 'complete-sessions',
    schedule: { everySeconds: 300, cron: '*/5 * * * *' },
    run: completeEndedSessions,
  },
  { name: 'refresh-availability', schedule: everyMinute(60), run: refreshAvailability },
  { name: 'booking-reminders', schedule: everyMinute(60), run: sendBookingReminders },
  { name: 'reconcile-payments', schedule: everyMinute(60), run: reconcilePayments },
  // Deferred by booking-reminders, with the tickets to check.
  { name: 'push-receipts', run: checkPushReceipts },
];
