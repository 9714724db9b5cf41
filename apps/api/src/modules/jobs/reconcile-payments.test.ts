import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accounts, auditLog, bookings, payments, refunds } from '../../db/schema';
import {
  createStripeClient,
  createStripePaymentProvider,
} from '../../lib/payments/stripe-provider';
import {
  DATABASE_KINDS,
  openTestDatabase,
  testEnv,
  type TestDatabase,
} from '../../testing/databases';
import { startLocalStripeServer, type LocalStripeServer } from '../../testing/local-stripe-server';
import { seedDirectory } from '../../testing/marketplace';
import { bookingValues, MEMBER_ID, silentLog } from './jobs.test-support';
import { reconcilePayments } from './reconcile-payments';

const NOW = Date.parse('2025-06-02T06:00:00Z');
const MINUTE = 60_000;

describe.each(DATABASE_KINDS)('payment reconciliation with Stripe on %s', (kind) => {
  let store: TestDatabase;
  let stripe: LocalStripeServer;
  let clock = NOW;
  const ctx = () => ({
    db: store.db.db,
    env: testEnv(),
    payments: createStripePaymentProvider(
      createStripeClient({ secretKey: 'sk_test_local', apiBase: stripe.baseUrl }),
    ),
    log: silentLog,
    now: () => clock,
  });

  let slot = NOW + 48 * 60 * MINUTE;
  /** A booking with a Stripe payment that started `minutesAgo` and has not settled. */
  const bookingPaidBy = async (
    intentId: string,
    intent: Parameters<LocalStripeServer['setIntent']>[1] | null,
    { minutesAgo = 5, status = 'held' as 'held' | 'expired', start = (slot += 60 * MINUTE) } = {},
  ) => {
    if (intent) stripe.setIntent(intentId, intent);
    const [booking] = await store.db.db
      .insert(bookings)
      .values(
        bookingValues({
          start,
          status,
          holdExpiresAt: new Date(status === 'held' ? NOW + 5 * MINUTE : NOW - MINUTE),
        }),
      )
      .returning({ id: bookings.id });
    const startedAt = new Date(NOW - minutesAgo * MINUTE);
    await store.db.db.insert(payments).values({
      bookingId: booking!.id,
      provider: 'stripe',
      providerPaymentId: intentId,
      amountCents: 5000,
      currency: 'eur',
      platformFeeCents: 750,
      createdAt: startedAt,
      updatedAt: startedAt,
    });
    return booking!.id;
  };
  const state = async (bookingId: string) => {
    const [row] = await store.db.db
      .select({ booking: bookings.status, payment: payments.status })
      .from(bookings)
      .innerJoin(payments, eq(payments.bookingId, bookings.id))
      .where(eq(bookings.id, bookingId));
    return row;
  };
  const lookups = () =>
    stripe.requests.filter((r) => r.method === 'GET').map((r) => r.path.split('/').pop());

  beforeAll(async () => {
    stripe = await startLocalStripeServer();
    store = await openTestDatabase(kind);
    await seedDirectory(store.db.db, 1, NOW);
    await store.db.db.insert(accounts).values({ id: MEMBER_ID });
  });
  afterAll(async () => {
    await store?.dispose();
    await stripe?.close();
  });
  beforeEach(() => {
    stripe.requests.length = 0;
    clock = NOW;
  });

  it('confirms a paid hold, fails a declined one and leaves one still waiting', async () => {
    const paid = await bookingPaidBy('pi_paid', { status: 'succeeded' });
    const declined = await bookingPaidBy('pi_declined', {
      status: 'requires_payment_method',
      last_payment_error: { code: 'card_declined' },
    });
    const waiting = await bookingPaidBy('pi_waiting', { status: 'requires_payment_method' });
    // Stripe has no such PaymentIntent: that lookup fails, the others go on.
    const unknown = await bookingPaidBy('pi_unknown', null);
    // Started a minute ago: the webhook still has time, so Stripe is not asked.
    const recent = await bookingPaidBy('pi_recent', { status: 'succeeded' }, { minutesAgo: 1 });

    expect(await reconcilePayments(ctx())).toEqual({
      checked: 4,
      confirmed: 1,
      failed: 1,
      errors: 1,
    });
    expect(lookups().sort()).toEqual(['pi_declined', 'pi_paid', 'pi_unknown', 'pi_waiting']);
    expect(stripe.requests[0]!.authorization).toBe('Bearer sk_test_local');

    expect(await state(paid)).toEqual({ booking: 'confirmed', payment: 'succeeded' });
    expect(await state(declined)).toEqual({ booking: 'held', payment: 'failed' });
    expect(await state(waiting)).toEqual({ booking: 'held', payment: 'requires_payment' });
    expect(await state(recent)).toEqual({ booking: 'held', payment: 'requires_payment' });
    expect(await state(unknown)).toEqual({ booking: 'held', payment: 'requires_payment' });
    const trail = await store.db.db
      .select({ action: auditLog.action, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'booking'), eq(auditLog.entityId, declined)));
    expect(trail).toEqual([
      { action: 'payment_failed', data: { code: 'card_declined', source: 'reconciliation' } },
    ]);

    // Right after, nothing is asked again; three minutes on, the unsettled ones are.
    stripe.requests.length = 0;
    expect(await reconcilePayments(ctx())).toMatchObject({ checked: 0 });
    expect(lookups()).toEqual([]);
    stripe.setIntent('pi_declined', { status: 'succeeded' });
    clock = NOW + 4 * MINUTE;
    stripe.requests.length = 0;
    expect(await reconcilePayments(ctx())).toEqual({
      checked: 4,
      confirmed: 2,
      failed: 0,
      errors: 1,
    });
    expect(lookups().sort()).toEqual(['pi_declined', 'pi_recent', 'pi_unknown', 'pi_waiting']);
    expect(await state(declined)).toEqual({ booking: 'confirmed', payment: 'succeeded' });
  });

  it('refunds a late payment whose expired hold lost its slot to someone else', async () => {
    const start = (slot += 60 * MINUTE);
    const lost = await bookingPaidBy(
      'pi_late',
      { status: 'succeeded' },
      { status: 'expired', start },
    );
    await store.db.db.insert(bookings).values(bookingValues({ start, status: 'confirmed' }));

    expect(await reconcilePayments(ctx())).toMatchObject({ checked: 1, confirmed: 0 });
    expect(await state(lost)).toEqual({ booking: 'cancelled', payment: 'refunded' });
    expect(stripe.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(1);
    const [payment] = await store.db.db
      .select({ id: payments.id })
      .from(payments)
      .where(eq(payments.providerPaymentId, 'pi_late'));
    expect(
      await store.db.db.select().from(refunds).where(eq(refunds.paymentId, payment!.id)),
    ).toHaveLength(1);
  });

  it('leaves payments older than an hour alone', async () => {
    await bookingPaidBy(
      'pi_abandoned',
      { status: 'succeeded' },
      { minutesAgo: 61, status: 'expired' },
    );
    expect(await reconcilePayments(ctx())).toMatchObject({ checked: 0 });
    expect(lookups()).toEqual([]);
  });
});
