import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practitioners, timeOff } from '../../db/schema';
import { demoPractitioner } from '../../db/seed/demo-practitioners';
import { DATABASE_KINDS } from '../../testing/databases';
import { seedDirectory, signIn } from '../../testing/marketplace';
import { startTestApp, stopTestApp, type TestApp } from '../../testing/test-app';

// Monday 2 June 2025, 06:00 UTC.
const NOW = Date.parse('2025-06-02T06:00:00Z');

type Summary = {
  id: string;
  displayName: string;
  specialties: string[];
  languages: string[];
  fromPriceCents: number;
  sessionMinutes: number[];
  nextAvailableAt: string | null;
};
type Page = { items: Summary[]; nextCursor: string | null };

describe.each(DATABASE_KINDS)('practitioner directory on %s', (kind) => {
  let t: TestApp;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp(kind, { marketplace: { now: () => NOW } });
    ids = await seedDirectory(t.store.db.db, 40, NOW);
  });
  afterAll(() => stopTestApp(t));

  const list = async (query: string) => {
    const response = await t.app.inject({ url: `/v1/practitioners?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };

  it('lists verified practitioners only, soonest available first', async () => {
    const { items } = await list('limit=50');
    // Demo practitioners 19 and 39 applied but are not verified.
    expect(items).toHaveLength(38);
    expect(items.map((item) => item.id)).not.toContain(demoPractitioner(19).practitioner.id);
    const times = items.map((item) => Date.parse(item.nextAvailableAt ?? '9999-01-01'));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThan(NOW);
  });

  it('walks every page exactly once with the cursor, for each sort', async () => {
    for (const sort of ['next_availability', 'price', 'rating']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(`sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(38);
      expect(new Set(seen).size).toBe(38);
    }
  });

  it('keeps each sort’s order across the pages of a filtered listing', async () => {
    // Keys whose text order is not their order: -5 < -4.5 but '-4.5' < '-5'.
    const rate = (id: string, ratingAverage: number | null) =>
      t.store.db.db.update(practitioners).set({ ratingAverage }).where(eq(practitioners.id, id));
    await rate(ids[5]!, 4.5);
    await rate(ids[6]!, 5);
    try {
      for (const sort of ['next_availability', 'price', 'rating']) {
        const all = await list(`sort=${sort}&limit=50`);
        const expected = all.items.filter((item) => item.languages.includes('en'));
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Page = await list(
            `sort=${sort}&language=en&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
          );
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen, sort).toEqual(expected.map((item) => item.id));
      }
    } finally {
      await rate(ids[5]!, null);
      await rate(ids[6]!, null);
    }
  });

  it('sorts by price, cheapest first', async () => {
    const { items } = await list('sort=price&limit=50');
    const prices = items.map((item) => item.fromPriceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('filters by specialty, language, price and session length together', async () => {
    const { items } = await list('specialty=sleep&language=en&maxPrice=6000&length=30&limit=50');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.specialties).toContain('sleep');
      expect(item.languages).toContain('en');
      expect(item.fromPriceCents).toBeLessThanOrEqual(6000);
      expect(item.sessionMinutes).toContain(30);
    }
    const all = await list('limit=50');
    const expected = all.items.filter(
      (item) =>
        item.specialties.includes('sleep') &&
        item.languages.includes('en') &&
        item.fromPriceCents <= 6000,
    );
    expect(items.map((item) => item.id).sort()).toEqual(expected.map((item) => item.id).sort());
  });

  it('filters by a maximum price alone: anyone with a session at or under it, in every sort', async () => {
    const all = await list('limit=50');
    const prices = all.items.map((item) => item.fromPriceCents).sort((a, b) => a - b);
    const max = prices[Math.floor(prices.length / 2)]!;
    const expected = all.items.filter((item) => item.fromPriceCents <= max).map((item) => item.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.items.length);
    for (const sort of ['next_availability', 'price', 'rating']) {
      const { items } = await list(`maxPrice=${max}&sort=${sort}&limit=50`);
      expect(items.map((item) => item.id).sort()).toEqual([...expected].sort());
    }
  });

  it('filters by availability within N days', async () => {
    const { items } = await list('availableWithinDays=1&limit=50');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Date.parse(item.nextAvailableAt!)).toBeLessThan(NOW + 86_400_000);
    }
    const { items: week } = await list('availableWithinDays=7&limit=50');
    expect(week.length).toBeGreaterThan(items.length);
  });

  it('searches names and bios', async () => {
    const name = demoPractitioner(3).practitioner.displayName;
    const byName = await list(`q=${encodeURIComponent(name.split(' ')[0]!.slice(0, 4))}`);
    expect(byName.items.map((item) => item.displayName)).toContain(name);
    const byBio = await list('q=physiotherapist&limit=50');
    expect(byBio.items.length).toBeGreaterThan(0);
    const none = await list('q=zzzxqv');
    expect(none.items).toEqual([]);
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['sort=cheapest', 'query.sort'],
    ['minPrice=5000&maxPrice=100', 'query.minPrice'],
    ['availableWithinDays=abc', 'query.availableWithinDays'],
  ])('answers 400 problem+json for %s', async (query, path) => {
    const response = await t.app.inject({ url: `/v1/practitioners?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a forged or mismatched cursor', async () => {
    const { nextCursor } = await list('sort=price&limit=2');
    for (const url of [`sort=rating&cursor=${nextCursor}`, 'cursor=bm90LWEtY3Vyc29y']) {
      const response = await t.app.inject({ url: `/v1/practitioners?${url}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('invalid_cursor');
    }
  });

  it('shows a profile with certifications, sessions and next slots in the viewer’s zone', async () => {
    const id = ids[0]!;
    const response = await t.app.inject({ url: `/v1/practitioners/${id}?tz=America/New_York` });
    expect(response.statusCode, response.body).toBe(200);
    const profile = response.json();
    expect(profile.certifications[0]).toMatchObject({ verified: true, issuer: expect.any(String) });
    expect(
      profile.sessionTypes.map((s: { durationMinutes: number }) => s.durationMinutes),
    ).toContain(30);
    expect(profile.nextSlots.length).toBeGreaterThan(0);
    expect(profile.nextSlots[0].localStart).toMatch(/-04:00$/);
    expect(Date.parse(profile.nextSlots[0].localStart)).toBe(
      Date.parse(profile.nextSlots[0].start),
    );
  });

  it('hides unverified and suspended practitioners from everyone but themselves and admins', async () => {
    const applied = demoPractitioner(19);
    expect(
      (await t.app.inject({ url: `/v1/practitioners/${applied.practitioner.id}` })).statusCode,
    ).toBe(404);
    const admin = await signIn(t.app, 'admin@example.com', 'admin');
    const asAdmin = await t.app.inject({
      url: `/v1/practitioners/${applied.practitioner.id}`,
      headers: admin.headers,
    });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().status).toBe('applied');

    await t.store.db.db
      .update(practitioners)
      .set({ status: 'suspended' })
      .where(eq(practitioners.id, ids[1]!));
    expect((await t.app.inject({ url: `/v1/practitioners/${ids[1]}` })).statusCode).toBe(404);
    const { items } = await list('limit=50');
    expect(items.map((item) => item.id)).not.toContain(ids[1]);
    await t.store.db.db
      .update(practitioners)
      .set({ status: 'verified' })
      .where(eq(practitioners.id, ids[1]!));
  });

  it('answers 404 for an unknown practitioner and 400 for a malformed id', async () => {
    const unknown = await t.app.inject({
      url: '/v1/practitioners/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('practitioner_not_found');
    expect((await t.app.inject({ url: '/v1/practitioners/nope' })).statusCode).toBe(400);
  });
});

describe.each(DATABASE_KINDS)('practitioner slots on %s', (kind) => {
  let t: TestApp;
  // Demo practitioner 0 works Monday–Friday 09:00–12:00 in Europe/Paris.
  const demo = demoPractitioner(0);
  const id = demo.practitioner.id;

  beforeAll(async () => {
    t = await startTestApp(kind, {
      marketplace: { now: () => Date.parse('2025-10-20T00:00:00Z') },
    });
    await seedDirectory(t.store.db.db, 1, Date.parse('2025-10-20T00:00:00Z'));
  });
  afterAll(() => stopTestApp(t));

  const slots = async (query: string) => {
    const response = await t.app.inject({ url: `/v1/practitioners/${id}/slots?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{
      durationMinutes: number;
      slots: { start: string; localStart: string }[];
    }>();
  };

  it('keeps the practitioner’s 09:00 across the Paris clock change, shown in the viewer’s zone', async () => {
    expect(demo.practitioner.timeZone).toBe('Europe/Paris');
    expect(demo.rules.map((r) => [r.weekday, r.startMinute, r.endMinute])).toContainEqual([
      5, 540, 720,
    ]);
    // Friday before and Monday after the change (26 October 2025).
    const body = await slots('from=2025-10-24T00:00:00Z&to=2025-10-28T00:00:00Z&tz=Asia/Tokyo');
    expect(body.durationMinutes).toBe(30);
    const fridayFirst = body.slots.find((s) => s.start.startsWith('2025-10-24'));
    const mondayFirst = body.slots.find((s) => s.start.startsWith('2025-10-27'));
    expect(fridayFirst?.start).toBe('2025-10-24T07:00:00.000Z');
    expect(mondayFirst?.start).toBe('2025-10-27T08:00:00.000Z');
    expect(fridayFirst?.localStart).toBe('2025-10-24T16:00:00+09:00');
    expect(mondayFirst?.localStart).toBe('2025-10-27T17:00:00+09:00');
    expect(body.slots.some((s) => s.start.startsWith('2025-10-25'))).toBe(false);
  });

  it('leaves out time off', async () => {
    const before = await slots('from=2025-10-28T00:00:00Z&to=2025-10-29T00:00:00Z');
    expect(before.slots.length).toBeGreaterThan(0);
    await t.store.db.db.insert(timeOff).values({
      practitionerId: id,
      startsAt: new Date('2025-10-28T00:00:00Z'),
      endsAt: new Date('2025-10-29T00:00:00Z'),
    });
    expect((await slots('from=2025-10-28T00:00:00Z&to=2025-10-29T00:00:00Z')).slots).toEqual([]);
  });

  it.each([
    ['from=2025-10-24T00:00:00Z', 'query.to'],
    ['from=2025-10-24T00:00:00Z&to=2025-10-23T00:00:00Z', 'query.to'],
    ['from=2025-10-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'query.to'],
    ['from=2025-10-24T00:00:00Z&to=2025-10-25T00:00:00Z&tz=Mars/Olympus', 'query.tz'],
  ])('answers 400 for %s', async (query, path) => {
    const response = await t.app.inject({ url: `/v1/practitioners/${id}/slots?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
