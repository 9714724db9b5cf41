import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, bookings, practitioners } from '../../db/schema';
import { demoPractitioner } from '../../db/seed/demo-practitioners';
import { DATABASE_KINDS } from '../../testing/databases';
import { startLocalStripeServer, type LocalStripeServer } from '../../testing/local-stripe-server';
import { seedDirectory, signIn } from '../../testing/marketplace';
import { startTestApp, stopTestApp, type TestApp } from '../../testing/test-app';

const WEBHOOK_SECRET = 'whsec_local_test_secret';
const START_TIME = Date.parse('2025-06-02T06:00:00Z');
const demo = demoPractitioner(0);
const intro = demo.sessionTypes[0]!;
const stripe = new Stripe('sk_test_local');

type Session = Awaited<ReturnType<typeof signIn>>;
let eventCounter = 0;

function event(type: string, object: Record<string, unknown>, id = `evt_${(eventCounter += 1)}`) {
  return {
    id,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: 1,
    livemode: false,
    data: { object },
  };
}

describe.each(DATABASE_KINDS)('bookings paid with Stripe on %s', (kind) => {
  let t: TestApp;
  let stripeServer: LocalStripeServer;
  let clock = START_TIME;
  let ana: Session;
  let ben: Session;

  beforeAll(async () => {
    stripeServer = await startLocalStripeServer();
    t = await startTestApp(kind, {
      marketplace: { now: () => clock },
      env: {
        STRIPE_SECRET_KEY: 'sk_test_local',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_BASE: stripeServer.baseUrl,
        PLATFORM_FEE_BASIS_POINTS: '1500',
      },
    });
    await seedDirectory(t.store.db.db, 1, clock);
    await t.store.db.db
      .update(practitioners)
      .set({ stripeAccountId: 'acct_practitioner0' })
      .where(eq(practitioners.id, demo.practitioner.id));
    ana = await signIn(t.app, 'ana@example.com');
    ben = await signIn(t.app, 'ben@example.com');
  });
  afterAll(async () => {
    await stopTestApp(t);
    await stripeServer?.close();
  });

  const hold = (who: Session, start: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/bookings',
      headers: who.headers,
      payload: { sessionTypeId: intro.id, start },
    });

  const deliver = (payload: object, secret = WEBHOOK_SECRET) => {
    const body = JSON.stringify(payload);
    return t.app.inject({
      method: 'POST',
      url: '/v1/webhooks/stripe',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret }),
      },
      body,
    });
  };

  const intentOf = async (bookingId: string) => {
    const request = stripeServer.requests.find(
      (r) => r.path === '/v1/payment_intents' && r.form['metadata[booking_id]'] === bookingId,
    );
    return request!;
  };

  const bookingStatus = async (bookingId: string) =>
    (await t.app.inject({ url: `/v1/bookings/${bookingId}`, headers: ana.headers })).json();

  let intentId: string;
  let bookingId: string;

  it('holds the slot and creates a destination-charge PaymentIntent with an idempotency key', async () => {
    const response = await hold(ana, '2025-06-03T07:00:00Z');
    expect(response.statusCode, response.body).toBe(201);
    const { booking, clientSecret } = response.json();
    bookingId = booking.id;
    expect(booking).toMatchObject({
      status: 'held',
      holdExpiresAt: '2025-06-02T06:10:00.000Z',
      payment: { provider: 'stripe', status: 'requires_payment' },
    });
    expect(clientSecret).toMatch(/^pi_[0-9a-f]+_secret_/);
    const request = await intentOf(bookingId);
    expect(request.authorization).toBe('Bearer sk_test_local');
    expect(request.idempotencyKey).toBe(`booking-${bookingId}-payment`);
    expect(request.form).toMatchObject({
      amount: String(intro.priceCents),
      currency: 'eur',
      application_fee_amount: String(Math.round(intro.priceCents * 0.15)),
      'transfer_data[destination]': 'acct_practitioner0',
    });
    intentId = clientSecret.split('_secret_')[0];
    // The hold blocks the slot for others.
    expect((await hold(ben, '2025-06-03T07:00:00Z')).statusCode).toBe(409);
  });

  it('refuses webhooks with a bad or missing signature', async () => {
    const forged = await deliver(
      event('payment_intent.succeeded', { id: intentId }),
      'whsec_wrong',
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.json().code).toBe('invalid_signature');
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks/stripe',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event('payment_intent.succeeded', { id: intentId })),
    });
    expect(unsigned.statusCode).toBe(400);
    expect((await bookingStatus(bookingId)).status).toBe('held');
  });

  it('applies the same success event ten times as one confirmation', async () => {
    const success = event('payment_intent.succeeded', { id: intentId, object: 'payment_intent' });
    const outcomes = [];
    for (let i = 0; i < 10; i += 1) outcomes.push((await deliver(success)).json().outcome);
    expect(outcomes).toEqual(['applied', ...Array(9).fill('duplicate')]);
    expect(await bookingStatus(bookingId)).toMatchObject({
      status: 'confirmed',
      holdExpiresAt: null,
      payment: { status: 'succeeded' },
    });
    const confirmations = await t.store.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, bookingId), eq(auditLog.action, 'confirmed')));
    expect(confirmations).toHaveLength(1);
  });

  it('ends confirmed whether failure and success arrive in order or reversed', async () => {
    const first = (await hold(ana, '2025-06-04T07:00:00Z')).json().booking.id;
    const second = (await hold(ana, '2025-06-04T08:00:00Z')).json().booking.id;
    const intents = await t.store.db.db.execute<{
      booking_id: string;
      provider_payment_id: string;
    }>(
      `select booking_id, provider_payment_id from payments where booking_id in ('${first}', '${second}')`,
    );
    const pi = Object.fromEntries(
      intents.rows.map((row) => [row.booking_id, row.provider_payment_id]),
    );
    const failed = (id: string) =>
      event('payment_intent.payment_failed', {
        id,
        object: 'payment_intent',
        last_payment_error: { code: 'card_declined' },
      });
    const succeeded = (id: string) =>
      event('payment_intent.succeeded', { id, object: 'payment_intent' });

    await deliver(failed(pi[first]!));
    expect((await bookingStatus(first)).payment.status).toBe('failed');
    expect((await bookingStatus(first)).status).toBe('held');
    await deliver(succeeded(pi[first]!));
    await deliver(succeeded(pi[second]!));
    await deliver(failed(pi[second]!));
    for (const id of [first, second]) {
      expect(await bookingStatus(id)).toMatchObject({
        status: 'confirmed',
        payment: { status: 'succeeded' },
      });
    }
  });

  it('releases an unpaid hold after ten minutes, and refunds a payment that arrives too late', async () => {
    const late = (await hold(ana, '2025-06-05T07:00:00Z')).json().booking;
    expect((await hold(ben, '2025-06-05T07:00:00Z')).statusCode).toBe(409);
    clock = START_TIME + 10 * 60_000;
    const taken = await hold(ben, '2025-06-05T07:00:00Z');
    expect(taken.statusCode, taken.body).toBe(201);
    const [expired] = await t.store.db.db.select().from(bookings).where(eq(bookings.id, late.id));
    expect(expired!.status).toBe('expired');

    const [payment] = (
      await t.store.db.db.execute<{ provider_payment_id: string }>(
        `select provider_payment_id from payments where booking_id = '${late.id}'`,
      )
    ).rows;
    const refundsBefore = stripeServer.requests.filter((r) => r.path === '/v1/refunds').length;
    await deliver(
      event('payment_intent.succeeded', {
        id: payment!.provider_payment_id,
        object: 'payment_intent',
      }),
    );
    expect(await bookingStatus(late.id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'system',
      cancelReason: 'slot_lost_after_hold_expired',
      payment: { status: 'refunded', refundedCents: intro.priceCents },
    });
    const refunds = stripeServer.requests.filter((r) => r.path === '/v1/refunds');
    expect(refunds).toHaveLength(refundsBefore + 1);
    expect(refunds.at(-1)!.form).toMatchObject({
      payment_intent: payment!.provider_payment_id,
      amount: String(intro.priceCents),
      refund_application_fee: 'true',
      reverse_transfer: 'true',
    });
    clock = START_TIME;
  });

  it('refunds through Stripe on cancellation, and applies the refund event once', async () => {
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/v1/bookings/${bookingId}/cancel`,
      headers: ana.headers,
      payload: {},
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().refund).toEqual({
      amountCents: intro.priceCents,
      policy: 'within_window',
    });
    const refund = stripeServer.requests.at(-1)!;
    expect(refund.path).toBe('/v1/refunds');
    expect(refund.idempotencyKey).toBe(`booking-${bookingId}-cancel-refund`);

    const refunded = event('charge.refunded', {
      id: 'ch_1',
      object: 'charge',
      payment_intent: intentId,
      amount: intro.priceCents,
      amount_refunded: intro.priceCents,
      refunded: true,
      refunds: { object: 'list', data: [] },
    });
    expect((await deliver(refunded)).json().outcome).toBe('applied');
    expect((await deliver(refunded)).json().outcome).toBe('duplicate');
    expect((await bookingStatus(bookingId)).payment).toMatchObject({
      status: 'refunded',
      refundedCents: intro.priceCents,
    });
  });

  it('marks a disputed payment', async () => {
    const booking = (await hold(ana, '2025-06-06T07:00:00Z')).json().booking;
    const [payment] = (
      await t.store.db.db.execute<{ provider_payment_id: string }>(
        `select provider_payment_id from payments where booking_id = '${booking.id}'`,
      )
    ).rows;
    await deliver(
      event('payment_intent.succeeded', {
        id: payment!.provider_payment_id,
        object: 'payment_intent',
      }),
    );
    const dispute = event('charge.dispute.created', {
      id: 'dp_1',
      object: 'dispute',
      payment_intent: payment!.provider_payment_id,
      reason: 'fraudulent',
    });
    expect((await deliver(dispute)).json().outcome).toBe('applied');
    expect((await bookingStatus(booking.id)).payment.status).toBe('disputed');
    expect((await deliver(event('customer.created', { id: 'cus_1' }))).json().outcome).toBe(
      'ignored',
    );
  });

  it('answers 502 and leaves the slot free when Stripe keeps failing', async () => {
    // The SDK retries twice (maxNetworkRetries), so three failures in a row reach the API.
    stripeServer.failNext('/v1/payment_intents', 500, 3);
    const failed = await hold(ana, '2025-06-09T07:00:00Z');
    expect(failed.statusCode).toBe(502);
    expect(failed.json().code).toBe('payment_provider_unavailable');
    expect((await hold(ben, '2025-06-09T07:00:00Z')).statusCode).toBe(201);
  });
});
