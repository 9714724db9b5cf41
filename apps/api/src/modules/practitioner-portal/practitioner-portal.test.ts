import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../testing/databases';
import { signIn } from '../../testing/marketplace';
import { startTestApp, stopTestApp, type TestApp } from '../../testing/test-app';

// Monday 2 June 2025, 06:00 UTC.
const NOW = Date.parse('2025-06-02T06:00:00Z');
type Session = Awaited<ReturnType<typeof signIn>>;

const application = {
  displayName: 'Maren Holt',
  headline: 'Sleep and stress through slow breathing',
  bio: 'Respiratory therapist; gentle coherent breathing for people who cannot switch off.',
  timeZone: 'Europe/Oslo',
  languages: ['no', 'en'],
  specialties: ['sleep', 'stress'],
  certifications: [
    { name: 'Buteyko Practitioner', issuer: 'Buteyko Professionals International', year: 2019 },
  ],
};

describe.each(DATABASE_KINDS)('practitioner self-service and admin on %s', (kind) => {
  let t: TestApp;
  let maren: Session;
  let other: Session;
  let admin: Session;
  let member: Session;
  let practitionerId: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { marketplace: { now: () => NOW } });
    maren = await signIn(t.app, 'maren@example.com');
    other = await signIn(t.app, 'other@example.com');
    admin = await signIn(t.app, 'admin@example.com', 'admin');
    member = await signIn(t.app, 'member@example.com');
  });
  afterAll(() => stopTestApp(t));

  const call = (
    who: Session,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('takes an application, which stays unlisted until an admin verifies it', async () => {
    const invalid = await call(maren, 'POST', '/v1/practitioner/application', {
      ...application,
      certifications: [],
    });
    expect(invalid.statusCode).toBe(400);
    const applied = await call(maren, 'POST', '/v1/practitioner/application', application);
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'applied', stripeConnected: false });
    practitionerId = applied.json().id;
    expect(
      (await call(maren, 'POST', '/v1/practitioner/application', application)).statusCode,
    ).toBe(409);
    expect((await t.app.inject({ url: `/v1/practitioners/${practitionerId}` })).statusCode).toBe(
      404,
    );
  });

  it('lets only admins see the queue and decide', async () => {
    expect((await call(member, 'GET', '/v1/admin/practitioners')).statusCode).toBe(403);
    expect(
      (await call(maren, 'POST', `/v1/admin/practitioners/${practitionerId}/verify`)).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: '/v1/admin/practitioners' })).statusCode).toBe(401);
    const queue = await call(admin, 'GET', '/v1/admin/practitioners');
    expect(queue.json().items).toEqual([
      expect.objectContaining({
        id: practitionerId,
        status: 'applied',
        certifications: [
          expect.objectContaining({
            status: 'pending',
            issuer: 'Buteyko Professionals International',
          }),
        ],
      }),
    ]);
    expect(
      (await call(admin, 'POST', `/v1/admin/practitioners/${practitionerId}/suspend`)).statusCode,
    ).toBe(409);
    const verified = await call(
      admin,
      'POST',
      `/v1/admin/practitioners/${practitionerId}/verify`,
      {},
    );
    expect(verified.json()).toEqual({ id: practitionerId, status: 'verified' });
    const missing = await call(
      admin,
      'POST',
      '/v1/admin/practitioners/00000000-0000-4000-8000-000000000000/verify',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('publishes sessions and weekly availability as bookable slots', async () => {
    const session = await call(maren, 'POST', '/v1/practitioner/session-types', {
      title: 'Sleep reset',
      durationMinutes: 45,
      priceCents: 5500,
    });
    expect(session.statusCode, session.body).toBe(201);
    const badRule = await call(maren, 'PUT', '/v1/practitioner/availability', {
      rules: [{ weekday: 2, start: '18:00', end: '17:00' }],
    });
    expect(badRule.statusCode).toBe(400);
    const rules = await call(maren, 'PUT', '/v1/practitioner/availability', {
      rules: [{ weekday: 2, start: '17:00', end: '18:30' }],
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const slots = await t.app.inject({
      url: `/v1/practitioners/${practitionerId}/slots?from=2025-06-03T00:00:00Z&to=2025-06-04T00:00:00Z&tz=Europe/Oslo`,
    });
    expect(slots.json().slots.map((s: { localStart: string }) => s.localStart)).toEqual([
      '2025-06-03T17:00:00+02:00',
      '2025-06-03T17:45:00+02:00',
    ]);
    const listed = await t.app.inject({ url: '/v1/practitioners?q=Maren' });
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        id: practitionerId,
        fromPriceCents: 5500,
        currency: 'eur',
        sessionMinutes: [45],
        nextAvailableAt: '2025-06-03T15:00:00.000Z',
      }),
    ]);
  });

  it('edits the profile and booking settings, and blocks time off', async () => {
    const patched = await call(maren, 'PATCH', '/v1/practitioner/profile', {
      bufferAfterMinutes: 15,
      headline: 'Sleep first',
    });
    expect(patched.json()).toMatchObject({ bufferAfterMinutes: 15, headline: 'Sleep first' });
    expect(
      (await call(maren, 'PATCH', '/v1/practitioner/profile', { timeZone: 'Mars/Olympus' }))
        .statusCode,
    ).toBe(400);
    const off = await call(maren, 'POST', '/v1/practitioner/time-off', {
      start: '2025-06-03T00:00:00Z',
      end: '2025-06-04T00:00:00Z',
    });
    expect(off.statusCode).toBe(201);
    const slots = await t.app.inject({
      url: `/v1/practitioners/${practitionerId}/slots?from=2025-06-03T00:00:00Z&to=2025-06-04T00:00:00Z`,
    });
    expect(slots.json().slots).toEqual([]);
    expect(
      (await call(other, 'DELETE', `/v1/practitioner/time-off/${off.json().id}`)).statusCode,
    ).toBe(404);
    expect(
      (await call(maren, 'DELETE', `/v1/practitioner/time-off/${off.json().id}`)).statusCode,
    ).toBe(204);

    // Three weeks away: the directory's next slot is found past the first weeks searched.
    const nextListed = async () =>
      (await t.app.inject({ url: '/v1/practitioners?q=Maren' })).json().items[0].nextAvailableAt;
    const away = await call(maren, 'POST', '/v1/practitioner/time-off', {
      start: '2025-06-03T00:00:00Z',
      end: '2025-06-18T00:00:00Z',
    });
    expect(await nextListed()).toBe('2025-06-24T15:00:00.000Z');
    await call(maren, 'DELETE', `/v1/practitioner/time-off/${away.json().id}`);
    expect(await nextListed()).toBe('2025-06-03T15:00:00.000Z');
  });

  it('never lets one practitioner change another’s sessions', async () => {
    await call(other, 'POST', '/v1/practitioner/application', {
      ...application,
      displayName: 'Other Person',
    });
    const [mine] = (await call(maren, 'GET', '/v1/practitioner/session-types')).json().items;
    const hijack = await call(other, 'PATCH', `/v1/practitioner/session-types/${mine.id}`, {
      priceCents: 1,
    });
    expect(hijack.statusCode).toBe(404);
    expect((await call(member, 'GET', '/v1/practitioner/profile')).statusCode).toBe(404);
    const retired = await call(maren, 'PATCH', `/v1/practitioner/session-types/${mine.id}`, {
      active: false,
    });
    expect(retired.json()).toMatchObject({ active: false, priceCents: 5500 });
  });

  it('hands out a Connect onboarding link and remembers the account', async () => {
    const link = await call(maren, 'POST', '/v1/practitioner/stripe/onboarding-link', {
      returnUrl: 'https://exhale.example/practitioner',
    });
    expect(link.statusCode, link.body).toBe(200);
    expect((await call(maren, 'GET', '/v1/practitioner/profile')).json().stripeConnected).toBe(
      true,
    );
  });

  it('suspends a practitioner out of the directory', async () => {
    await call(
      maren,
      'PATCH',
      `/v1/practitioner/session-types/${(await call(maren, 'GET', '/v1/practitioner/session-types')).json().items[0].id}`,
      { active: true },
    );
    expect((await t.app.inject({ url: `/v1/practitioners/${practitionerId}` })).statusCode).toBe(
      200,
    );
    const suspended = await call(
      admin,
      'POST',
      `/v1/admin/practitioners/${practitionerId}/suspend`,
      { reason: 'Complaint' },
    );
    expect(suspended.json().status).toBe('suspended');
    expect((await t.app.inject({ url: `/v1/practitioners/${practitionerId}` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: '/v1/practitioners?q=Maren' })).json().items).toEqual([]);
    expect(
      (await call(admin, 'GET', '/v1/admin/practitioners?status=suspended')).json().items,
    ).toHaveLength(1);
    expect((await call(admin, 'GET', '/v1/admin/bookings')).statusCode).toBe(200);
    expect((await call(admin, 'GET', '/v1/admin/refunds')).json()).toEqual({ items: [] });
  });
});
