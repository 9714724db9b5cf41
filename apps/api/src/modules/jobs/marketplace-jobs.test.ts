import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, bookings, practitioners } from '../../db/schema';
import { seedDemoPractitioners } from '../../db/seed/demo-practitioners';
import { seedIfEmpty } from '../../db/seed/seed-demo-data';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases';
import { completeEndedSessions } from './complete-sessions';
import { expireUnpaidHolds } from './expire-holds';
import { bookingValues, MEMBER_ID } from './jobs.test-support';

const NOW = Date.parse('2025-06-02T06:00:00Z');

describe.each(DATABASE_KINDS)('marketplace jobs and demo seed on %s', (kind) => {
  let store: TestDatabase;

  beforeAll(async () => {
    store = await openTestDatabase(kind);
  });
  afterAll(() => store?.dispose());

  it('seeds 60 demo practitioners into an empty database, once', async () => {
    expect(await seedIfEmpty(store.db.db, NOW)).toBe(60);
    expect(await seedIfEmpty(store.db.db, NOW)).toBe(0);
    expect(await seedDemoPractitioners(store.db.db, 60)).toEqual([]);
    const listed = await store.db.db
      .select({
        id: practitioners.id,
        next: practitioners.nextAvailableAt,
        price: practitioners.minPriceCents,
      })
      .from(practitioners)
      .where(eq(practitioners.status, 'verified'));
    expect(listed).toHaveLength(57);
    expect(
      listed.every((row) => row.next !== null && row.next.getTime() > NOW && row.price! > 0),
    ).toBe(true);
  });

  it('expires unpaid holds and completes sessions that ended over an hour ago', async () => {
    await store.db.db.insert(accounts).values({ id: MEMBER_ID });
    const rows = await store.db.db
      .insert(bookings)
      .values([
        bookingValues({
          start: Date.parse('2025-06-03T07:00:00Z'),
          status: 'held',
          holdExpiresAt: new Date(NOW - 1),
        }),
        bookingValues({
          start: Date.parse('2025-06-03T08:00:00Z'),
          status: 'held',
          holdExpiresAt: new Date(NOW + 60_000),
        }),
        bookingValues({ start: Date.parse('2025-06-02T04:00:00Z'), status: 'confirmed' }),
        bookingValues({ start: Date.parse('2025-06-02T05:00:00Z'), status: 'confirmed' }),
      ])
      .returning({ id: bookings.id });
    const ctx = { db: store.db.db, now: () => NOW };
    expect(await expireUnpaidHolds(ctx)).toEqual({ expired: 1 });
    expect(await completeEndedSessions(ctx)).toEqual({ completed: 1 });
    const statuses = await Promise.all(
      rows.map(
        async ({ id }) =>
          (await store.db.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status,
      ),
    );
    expect(statuses).toEqual(['expired', 'held', 'completed', 'confirmed']);
    expect(await expireUnpaidHolds(ctx)).toEqual({ expired: 0 });
    expect(await completeEndedSessions(ctx)).toEqual({ completed: 0 });
  });
});
