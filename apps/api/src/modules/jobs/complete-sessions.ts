import { and, eq, lt } from 'drizzle-orm';
import { bookings } from '../../db/schema';
import type { JobContext } from './job';

/** A session is taken as having happened this long after its end, unless reported otherwise. */
export const COMPLETE_AFTER_MS = 60 * 60_000;

export async function completeEndedSessions(ctx: Pick<JobContext, 'db' | 'now'>) {
  const now = ctx.now();
  const completed = await ctx.db
    .update(bookings)
    .set({ status: 'completed', updatedAt: new Date(now) })
    .where(
      and(eq(bookings.status, 'confirmed'), lt(bookings.endsAt, new Date(now - COMPLETE_AFTER_MS))),
    )
    .returning({ id: bookings.id });
  return { completed: completed.length };
}
