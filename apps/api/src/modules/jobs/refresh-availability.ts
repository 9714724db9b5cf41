import { refreshStaleAvailability } from '../practitioners/practitioners.service';
import type { JobContext } from './job';

/** Keeps the directory's cached next-available slot current as time passes. */
export async function refreshAvailability(ctx: Pick<JobContext, 'db' | 'now'>) {
  return { refreshed: await refreshStaleAvailability(ctx.db, ctx.now()) };
}
