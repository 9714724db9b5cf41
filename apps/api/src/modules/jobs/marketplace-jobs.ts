import { and, eq, lt } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDatabase } from '../../db/client';
import { bookings } from '../../db/schema';
import { expireHolds } from '../bookings/bookings.repository';
import {
  refreshNextAvailability,
  refreshStaleAvailability,
} from '../practitioners/practitioners.service';

/** A session is taken as having happened this long after its end, unless reported otherwise. */
const COMPLETE_AFTER_MS = 60 * 60_000;

export interface JobRun {
  expiredHolds: number;
  completed: number;
  refreshed: number;
}

/**
 * One pass of the marketplace's housekeeping. Every step is an idempotent conditional
 * update, so replicas running it at the same time cannot double anything.
 */
export async function runMarketplaceJobs(db: AppDatabase, now: number): Promise<JobRun> {
  const expired = await expireHolds(db, new Date(now));
  for (const practitionerId of new Set(expired.map((row) => row.practitionerId))) {
    await refreshNextAvailability(db, practitionerId, now);
  }
  const completed = await db
    .update(bookings)
    .set({ status: 'completed', updatedAt: new Date(now) })
    .where(
      and(eq(bookings.status, 'confirmed'), lt(bookings.endsAt, new Date(now - COMPLETE_AFTER_MS))),
    )
    .returning({ id: bookings.id });
  const refreshed = await refreshStaleAvailability(db, now);
  return { expiredHolds: expired.length, completed: completed.length, refreshed };
}

/** Runs the jobs every `intervalMs` in this process; the first run is right away. */
export function startMarketplaceJobs(options: {
  db: AppDatabase;
  log: FastifyBaseLogger;
  now?: () => number;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  const { db, log, now = Date.now, intervalMs = 30_000 } = options;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runMarketplaceJobs(db, now())
      .then((run) => {
        if (run.expiredHolds || run.completed) log.info(run, 'marketplace jobs');
      })
      .catch((err: unknown) => log.error({ err }, 'marketplace jobs failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
