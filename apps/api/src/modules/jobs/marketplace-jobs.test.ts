import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, bookings, practitioners } from '../../db/schema';
import { demoPractitioner, seedDemoPractitioners } from '../../db/seed/demo-practitioners';
import { seedIfEmpty } from '../../db/seed/seed-demo-data';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases';
import { rangeLiteral } from '../practitioners/schedule.repository';
import { runMarketplaceJobs } from './marketplace-jobs';

const NOW = Date.parse('2025-06-02T06:00:00Z');
const MEMBER = '11111111-1111-4111-8111-111111111111';

describe.each(DATABASE_KINDS)('marketplace jobs and demo seed on %s', (kind) => {
  let store: TestDatabase;
  const demo = demoPractitioner(0);

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
    await store.db.db.insert(accounts).values({ id: MEMBER });
    const booking = (
      start: string,
      minutes: number,
      status: 'held' | 'confirmed',
      holdExpiresAt?: Date,
    ) => {
      const session = { start: Date.parse(start), end: Date.parse(start) + minutes * 60_000 };
      return {
        practitionerId: demo.practitioner.id,
        memberId: MEMBER,
        sessionTypeId: demo.sessionTypes[0]!.id,
        startsAt: new Date(session.start),
        endsAt: new Date(session.end),
        during: rangeLiteral(session),
        blocked: rangeLiteral(session),
        status,
        holdExpiresAt,
        priceCents: 5000,
        currency: 'eur',
        platformFeeCents: 750,
        cancellationWindowHours: 24,
      };
    };
    const rows = await store.db.db
      .insert(bookings)
      .values([
        booking('2025-06-03T07:00:00Z', 30, 'held', new Date(NOW - 1)),
        booking('2025-06-03T08:00:00Z', 30, 'held', new Date(NOW + 60_000)),
        booking('2025-06-02T04:00:00Z', 30, 'confirmed'),
        booking('2025-06-02T05:00:00Z', 30, 'confirmed'),
      ])
      .returning({ id: bookings.id });
    const run = await runMarketplaceJobs(store.db.db, NOW);
    expect(run).toMatchObject({ expiredHolds: 1, completed: 1 });
    const statuses = await Promise.all(
      rows.map(
        async ({ id }) =>
          (await store.db.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status,
      ),
    );
    expect(statuses).toEqual(['expired', 'held', 'completed', 'confirmed']);
    expect(await runMarketplaceJobs(store.db.db, NOW)).toMatchObject({
      expiredHolds: 0,
      completed: 0,
    });
  });
});
