import { decodeJwt } from 'jose';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, bookings, practitioners } from '../../db/schema';
import { demoPractitioner } from '../../db/seed/demo-practitioners';
import { recordingAnalytics } from '../../testing/analytics';
import { DATABASE_KINDS } from '../../testing/databases';
import { seedDirectory, signIn } from '../../testing/marketplace';
import { startTestApp, stopTestApp, type TestApp } from '../../testing/test-app';

// Monday 2 June 2025, 06:00 UTC. Demo practitioner 0 works weekdays 09:00–12:00 in Paris.
const START_TIME = Date.parse('2025-06-02T06:00:00Z');
const demo = demoPractitioner(0);
const intro = demo.sessionTypes[0]!;
const full = demo.sessionTypes[1]!;

type Session = Awaited<ReturnType<typeof signIn>>;

describe.each(DATABASE_KINDS)('bookings with the development payment provider on %s', (kind) => {
  let t: TestApp;
  let clock = START_TIME;
  let ana: Session;
  let ben: Session;
  let practitioner: Session;
  let admin: Session;
  const analytics = recordingAnalytics();

  beforeAll(async () => {
    t = await startTestApp(kind, { marketplace: { now: () => clock }, analytics });
    await seedDirectory(t.store.db.db, 2, clock);
    ana = await signIn(t.app, 'ana@example.com');
    ben = await signIn(t.app, 'ben@example.com');
    admin = await signIn(t.app, 'admin@example.com', 'admin');
    // The demo practitioner's own account, signed in through a token for its id.
    practitioner = await signIn(t.app, 'coach@example.com', 'practitioner');
    await t.store.db.db.execute(
      `update practitioners set account_id = '${practitioner.userId}' where id = '${demo.practitioner.id}'`,
    );
  });
  afterAll(() => stopTestApp(t));

  const hold = (who: Session, start: string, sessionTypeId = intro.id) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/bookings',
      headers: who.headers,
      payload: { sessionTypeId, start, timeZone: 'America/New_York' },
    });

  const post = (who: Session, url: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });

  it('holds, pays at once and confirms a free slot', async () => {
    const response = await hold(ana, '2025-06-03T07:00:00Z');
    expect(response.statusCode, response.body).toBe(201);
    const { booking, clientSecret } = response.json();
    expect(clientSecret).toBeNull();
    expect(booking).toMatchObject({
      status: 'confirmed',
      practitionerId: demo.practitioner.id,
      start: '2025-06-03T07:00:00.000Z',
      end: '2025-06-03T07:30:00.000Z',
      localStart: '2025-06-03T03:00:00-04:00',
      priceCents: intro.priceCents,
      holdExpiresAt: null,
      payment: { provider: 'development', status: 'succeeded', amountCents: intro.priceCents },
    });
    expect(analytics.events).toEqual([{ name: 'booking_created', properties: { minutes: 30 } }]);
  });

  it('answers 409 problem+json when the slot is taken, including by its buffer', async () => {
    const same = await hold(ben, '2025-06-03T07:00:00Z');
    expect(same.statusCode).toBe(409);
    expect(same.headers['content-type']).toContain('application/problem+json');
    expect(same.json()).toMatchObject({ code: 'slot_taken', status: 409 });
    // The 60-minute session at 06:30 Paris time is not on the grid; 07:30Z overlaps the
    // 10-minute buffer after the 07:00–07:30 session.
    const buffered = await hold(ben, '2025-06-03T07:30:00Z');
    expect(buffered.statusCode).toBe(409);
  });

  it('answers 422 for a time the practitioner does not offer, 404 for an unknown session', async () => {
    const offGrid = await hold(ben, '2025-06-03T07:10:00Z');
    expect(offGrid.statusCode).toBe(422);
    expect(offGrid.json().code).toBe('slot_unavailable');
    const weekend = await hold(ben, '2025-06-07T08:00:00Z');
    expect(weekend.statusCode).toBe(422);
    const unknown = await hold(ben, '2025-06-03T08:00:00Z', '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('requires a valid token and a valid body', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/v1/bookings',
      payload: { sessionTypeId: intro.id, start: '2025-06-03T08:00:00Z' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('sign_in_required');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/v1/bookings',
      headers: { authorization: `${ana.headers.authorization.slice(0, -4)}AAAA` },
      payload: { sessionTypeId: intro.id, start: '2025-06-03T08:00:00Z' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('token_invalid');
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/v1/bookings',
      headers: ana.headers,
      payload: { sessionTypeId: 'x', start: 'tomorrow', timeZone: 'Mars/Olympus' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.sessionTypeId', 'body.start', 'body.timeZone']);
  });

  it('refuses to let practitioners book themselves', async () => {
    const own = await hold(practitioner, '2025-06-04T07:00:00Z');
    expect(own.statusCode).toBe(403);
  });

  it('shows each member their own bookings only', async () => {
    const mine = await t.app.inject({ url: '/v1/me/bookings', headers: ana.headers });
    expect(mine.json().items).toHaveLength(1);
    const bens = await t.app.inject({ url: '/v1/me/bookings', headers: ben.headers });
    expect(bens.json().items).toEqual([]);
    const bookingId = mine.json().items[0].id;
    for (const request of [
      { method: 'GET' as const, url: `/v1/bookings/${bookingId}` },
      { method: 'GET' as const, url: `/v1/bookings/${bookingId}/calendar.ics` },
      { method: 'POST' as const, url: `/v1/bookings/${bookingId}/cancel`, payload: {} },
      { method: 'POST' as const, url: `/v1/bookings/${bookingId}/join` },
      { method: 'POST' as const, url: `/v1/bookings/${bookingId}/review`, payload: { rating: 1 } },
      {
        method: 'POST' as const,
        url: `/v1/bookings/${bookingId}/reschedule`,
        payload: { start: '2025-06-05T07:00:00Z' },
      },
    ]) {
      const response = await t.app.inject({ ...request, headers: ben.headers });
      expect(response.statusCode, request.url).toBe(404);
      expect(response.json().code).toBe('booking_not_found');
    }
    // The practitioner and admins see it.
    expect(
      (await t.app.inject({ url: `/v1/bookings/${bookingId}`, headers: practitioner.headers }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/v1/bookings/${bookingId}`, headers: admin.headers })).statusCode,
    ).toBe(200);
  });

  it('serves the booking as an iCalendar file', async () => {
    const [mine] = (await t.app.inject({ url: '/v1/me/bookings', headers: ana.headers })).json()
      .items;
    const response = await t.app.inject({
      url: `/v1/bookings/${mine.id}/calendar.ics`,
      headers: ana.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body).toContain('BEGIN:VEVENT\r\n');
    expect(response.body).toContain(`UID:${mine.id}@exhale.app\r\n`);
    expect(response.body).toContain('DTSTART:20250603T070000Z\r\n');
    expect(response.body).toContain('DTEND:20250603T073000Z\r\n');
    expect(response.body).toContain('STATUS:CONFIRMED\r\n');
  });

  it('opens the call ten minutes before the start, for the two participants only, until the end', async () => {
    const [mine] = (await t.app.inject({ url: '/v1/me/bookings', headers: ana.headers })).json()
      .items;
    const url = `/v1/bookings/${mine.id}/join`;
    clock = Date.parse('2025-06-03T06:49:59Z');
    const early = await post(ana, url);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'call_not_open_yet',
      opensAt: '2025-06-03T06:50:00.000Z',
    });

    clock = Date.parse('2025-06-03T06:50:00Z');
    const member = await post(ana, url);
    expect(member.statusCode, member.body).toBe(200);
    const grant = member.json();
    expect(grant.room).toBe(`booking-${mine.id}`);
    const claims = decodeJwt(grant.token) as {
      sub: string;
      video: { room: string; roomJoin: boolean };
      exp: number;
      nbf: number;
    };
    expect(claims.sub).toBe(ana.userId);
    expect(claims.video).toMatchObject({ room: `booking-${mine.id}`, roomJoin: true });
    // Valid for the 40 minutes until the session ends.
    expect(claims.exp - claims.nbf).toBe(40 * 60);

    const host = await post(practitioner, url);
    expect(host.statusCode).toBe(200);
    expect(decodeJwt(host.json().token).sub).toBe(practitioner.userId);
    expect((await post(admin, url)).statusCode).toBe(403);

    clock = Date.parse('2025-06-03T07:30:00Z');
    const late = await post(ana, url);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('call_closed');
    clock = START_TIME;
  });

  it('takes one review from the member after the session, and updates the rating', async () => {
    const [mine] = (await t.app.inject({ url: '/v1/me/bookings', headers: ana.headers })).json()
      .items;
    const url = `/v1/bookings/${mine.id}/review`;
    const tooSoon = await post(ana, url, { rating: 5, comment: 'Lovely' });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().code).toBe('booking_not_completed');

    clock = Date.parse('2025-06-03T08:00:00Z');
    expect((await post(practitioner, url, { rating: 5 })).statusCode).toBe(403);
    expect((await post(ana, url, { rating: 6 })).statusCode).toBe(400);
    const saved = await post(ana, url, { rating: 4, comment: 'Calm and clear.' });
    expect(saved.statusCode, saved.body).toBe(204);
    const again = await post(ana, url, { rating: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_reviewed');

    const profile = (
      await t.app.inject({ url: `/v1/practitioners/${demo.practitioner.id}` })
    ).json();
    expect(profile.rating).toEqual({ average: 4, count: 1 });
    expect(profile.reviews[0]).toMatchObject({ rating: 4, comment: 'Calm and clear.' });
    const booking = (
      await t.app.inject({ url: `/v1/bookings/${mine.id}`, headers: ana.headers })
    ).json();
    expect(booking.status).toBe('completed');
    clock = START_TIME;
  });

  it('lets the practitioner report a member who did not come, from ten minutes after the start', async () => {
    const booked = (await hold(ben, '2025-06-11T07:00:00Z')).json().booking;
    const url = `/v1/bookings/${booked.id}/no-show`;
    clock = Date.parse('2025-06-11T07:05:00Z');
    const early = await post(practitioner, url);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('booking_not_due');

    clock = Date.parse('2025-06-11T07:15:00Z');
    expect((await post(ben, url)).statusCode).toBe(403);
    expect((await post(ana, url)).statusCode).toBe(404);
    const reported = await post(practitioner, url);
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json().booking).toMatchObject({
      status: 'no_show',
      payment: { status: 'succeeded', refundedCents: 0 },
    });
    const review = await post(ben, `/v1/bookings/${booked.id}/review`, { rating: 1 });
    expect(review.json().code).toBe('booking_not_completed');
    expect((await post(practitioner, url)).json().code).toBe('booking_not_due');

    const old = (await hold(ben, '2025-06-12T08:00:00Z')).json().booking;
    clock = Date.parse('2025-06-14T09:00:00Z');
    const late = await post(practitioner, `/v1/bookings/${old.id}/no-show`);
    expect(late.json().code).toBe('no_show_too_late');
    clock = START_TIME;
  });

  it('refunds a member in full up to 24 hours before, frees the slot, and refuses a second cancel', async () => {
    const booked = (await hold(ana, '2025-06-05T07:00:00Z')).json().booking;
    clock = Date.parse('2025-06-04T07:00:00Z');
    const cancelled = await post(ana, `/v1/bookings/${booked.id}/cancel`, { reason: 'Travelling' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      refund: { amountCents: intro.priceCents, policy: 'within_window' },
      booking: {
        status: 'cancelled',
        cancelledBy: 'member',
        cancelReason: 'Travelling',
        payment: { status: 'refunded', refundedCents: intro.priceCents },
      },
    });
    const twice = await t.app.inject({
      method: 'POST',
      url: `/v1/bookings/${booked.id}/cancel`,
      headers: ana.headers,
    });
    expect(twice.statusCode).toBe(409);
    const rebooked = await hold(ben, '2025-06-05T07:00:00Z');
    expect(rebooked.statusCode).toBe(201);
    clock = START_TIME;
  });

  it('refunds nothing inside the window, but everything when the practitioner cancels', async () => {
    const late = (await hold(ana, '2025-06-06T07:00:00Z')).json().booking;
    const byPractitioner = (await hold(ana, '2025-06-06T08:00:00Z')).json().booking;
    clock = Date.parse('2025-06-06T06:00:00Z');
    const memberCancel = await post(ana, `/v1/bookings/${late.id}/cancel`);
    expect(memberCancel.json().refund).toEqual({ amountCents: 0, policy: 'outside_window' });
    expect(memberCancel.json().booking.payment).toMatchObject({
      status: 'succeeded',
      refundedCents: 0,
    });
    const hostCancel = await post(practitioner, `/v1/bookings/${byPractitioner.id}/cancel`, {
      reason: 'Unwell',
    });
    expect(hostCancel.json()).toMatchObject({
      refund: { amountCents: intro.priceCents, policy: 'cancelled_by_practitioner' },
      booking: { cancelledBy: 'practitioner' },
    });
    expect(
      analytics.events.filter((event) => event.name === 'booking_cancelled').slice(-2),
    ).toEqual([
      { name: 'booking_cancelled', properties: { refund: 'none' } },
      { name: 'booking_cancelled', properties: { refund: 'full' } },
    ]);
    clock = START_TIME;
  });

  it('moves a confirmed booking within the rules', async () => {
    const booked = (await hold(ana, '2025-06-10T07:00:00Z', full.id)).json().booking;
    const taken = (await hold(ben, '2025-06-10T09:30:00Z')).json().booking;
    expect(taken.status).toBe('confirmed');
    const onto = await post(ana, `/v1/bookings/${booked.id}/reschedule`, {
      start: '2025-06-10T09:00:00Z',
    });
    expect(onto.statusCode).toBe(409);
    expect(onto.json().code).toBe('slot_taken');
    // 08:00 overlaps only the booking's own old time (and its buffer), which is allowed.
    const moved = await post(ana, `/v1/bookings/${booked.id}/reschedule`, {
      start: '2025-06-10T08:00:00Z',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      start: '2025-06-10T08:00:00.000Z',
      end: '2025-06-10T09:00:00.000Z',
    });
    clock = Date.parse('2025-06-09T12:00:00Z');
    const tooLate = await post(ana, `/v1/bookings/${booked.id}/reschedule`, {
      start: '2025-06-11T07:00:00Z',
    });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().code).toBe('reschedule_window_passed');
    const byHost = await post(practitioner, `/v1/bookings/${booked.id}/reschedule`, {
      start: '2025-06-11T07:00:00Z',
    });
    expect(byHost.statusCode).toBe(200);
    clock = START_TIME;
    const moves = await t.store.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, booked.id), eq(auditLog.action, 'rescheduled')));
    expect(moves).toHaveLength(2);
  });

  it('registers push tokens and deletes an account, keeping its bookings anonymised', async () => {
    const bad = await post(ben, '/v1/me/push-tokens', { token: 'abc', platform: 'ios' });
    expect(bad.statusCode).toBe(400);
    const ok = await post(ben, '/v1/me/push-tokens', {
      token: 'ExponentPushToken[abc123]',
      platform: 'ios',
    });
    expect(ok.statusCode).toBe(204);

    const blocked = await t.app.inject({ method: 'DELETE', url: '/v1/me', headers: ben.headers });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('upcoming_bookings');

    const carl = await signIn(t.app, 'carl@example.com');
    const booked = (await hold(carl, '2025-06-12T07:00:00Z')).json().booking;
    await post(carl, `/v1/bookings/${booked.id}/cancel`);
    const deleted = await t.app.inject({ method: 'DELETE', url: '/v1/me', headers: carl.headers });
    expect(deleted.statusCode).toBe(204);
    const [kept] = await t.store.db.db.select().from(bookings).where(eq(bookings.id, booked.id));
    expect(kept).toMatchObject({ memberId: null, status: 'cancelled' });
  });

  it('moves the directory’s next availability when its slot is booked, not for later slots', async () => {
    const other = demoPractitioner(1);
    const nextOf = async () =>
      (
        await t.store.db.db
          .select({ next: practitioners.nextAvailableAt })
          .from(practitioners)
          .where(eq(practitioners.id, other.practitioner.id))
      )[0]!.next!.toISOString();
    const next = await nextOf();
    const shortest = other.sessionTypes.reduce((a, b) =>
      a.durationMinutes <= b.durationMinutes ? a : b,
    );

    const later = await hold(
      ana,
      new Date(Date.parse(next) + 7 * 86_400_000).toISOString(),
      shortest.id,
    );
    expect(later.statusCode, later.body).toBe(201);
    expect(await nextOf()).toBe(next);

    const first = await hold(ana, next, shortest.id);
    expect(first.statusCode, first.body).toBe(201);
    expect(Date.parse(await nextOf())).toBeGreaterThan(Date.parse(next));
  });
});
