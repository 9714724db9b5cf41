import { expireHolds } from '../bookings/bookings.repository';
import { refreshNextAvailability } from '../practitioners/practitioners.service';
import type { JobContext } from './job';

/** Unpaid holds past their expiry stop blocking the slot, which shows as free again. */
export async function expireUnpaidHolds(ctx: Pick<JobContext, 'db' | 'now'>) {
  const now = ctx.now();
  const expired = await expireHolds(ctx.db, new Date(now));
  for (const practitionerId of new Set(expired.map((row) => row.practitionerId))) {
    await refreshNextAvailability(ctx.db, practitionerId, now);
  }
  return { expired: expired.length };
}
