import type { AppDatabase } from '../client';
import { refreshOfferSummary } from '../../modules/practitioners/practitioners.repository';
import { refreshNextAvailability } from '../../modules/practitioners/practitioners.service';
import { practitionerCount, seedDemoPractitioners } from './demo-practitioners';

export const DEMO_PRACTITIONERS = 60;

/** Seeds demo practitioners 0…count−1 and brings their cached price and next slot up to date. */
export async function seedDemoData(db: AppDatabase, count: number, now: number): Promise<number> {
  const ids = await seedDemoPractitioners(db, count);
  for (const id of ids) {
    await refreshOfferSummary(db, id);
    await refreshNextAvailability(db, id, now);
  }
  return ids.length;
}

/** `npm start` on an empty database: fill the directory so there is something to browse. */
export async function seedIfEmpty(db: AppDatabase, now: number): Promise<number> {
  if ((await practitionerCount(db)) > 0) return 0;
  return seedDemoData(db, DEMO_PRACTITIONERS, now);
}
