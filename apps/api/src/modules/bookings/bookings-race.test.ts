import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPractitioner } from '../../db/seed/demo-practitioners';
import { seedDirectory, signIn } from '../../testing/marketplace';
import { startTestApp, stopTestApp, type TestApp } from '../../testing/test-app';

// Real concurrency needs the real server: PGlite runs one statement at a time.
describe('concurrent holds on postgres', () => {
  let t: TestApp;
  const clock = Date.parse('2025-06-02T06:00:00Z');
  const demo = demoPractitioner(0);
  const intro = demo.sessionTypes[0]!;

  beforeAll(async () => {
    t = await startTestApp('postgres', { marketplace: { now: () => clock } });
    await seedDirectory(t.store.db.db, 1, clock);
  });
  afterAll(() => stopTestApp(t));

  it('lets exactly one of 200 simultaneous holds on one slot through; the rest get 409', async () => {
    const members = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(t.app, `racer-${i}@example.com`)),
    );
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/v1/bookings',
          headers: members[i % members.length]!.headers,
          payload: { sessionTypeId: intro.id, start: '2025-06-03T08:00:00Z' },
        }),
      ),
    );
    const tally: Record<number, number> = {};
    for (const { statusCode } of responses) tally[statusCode] = (tally[statusCode] ?? 0) + 1;
    const unexpected = responses.find((r) => r.statusCode !== 201 && r.statusCode !== 409);
    expect({ tally, unexpected: unexpected?.body }).toEqual({
      tally: { 201: 1, 409: 199 },
      unexpected: undefined,
    });
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.json().code).toBe('slot_taken');
    }
    const live = await t.store.db.db.execute<{ count: number; overlaps: number }>(sql`
      select count(*)::int as count,
        (select count(*)::int from bookings a join bookings b
          on a.id < b.id and a.practitioner_id = b.practitioner_id and a.blocked && b.blocked
          where a.status in ('held', 'confirmed') and b.status in ('held', 'confirmed')) as overlaps
      from bookings where status in ('held', 'confirmed')`);
    expect(live.rows[0]).toEqual({ count: 1, overlaps: 0 });
  });

  it('refuses an overlapping live booking in the database itself, whatever the code checked', async () => {
    const attempt = t.store.db.db.execute(sql`
      insert into bookings (practitioner_id, member_id, session_type_id, starts_at, ends_at, during,
        blocked, status, price_cents, currency, platform_fee_cents, cancellation_window_hours)
      select practitioner_id, member_id, session_type_id, starts_at + interval '15 minutes',
        ends_at + interval '15 minutes', tstzrange(starts_at + interval '15 minutes', ends_at + interval '15 minutes'),
        tstzrange(starts_at + interval '15 minutes', ends_at + interval '25 minutes'), 'held',
        price_cents, currency, platform_fee_cents, cancellation_window_hours
      from bookings where status = 'confirmed' limit 1`);
    await expect(attempt).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23P01' }),
    });
  });
});
