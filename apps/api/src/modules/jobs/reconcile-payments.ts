import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { bookings, payments } from '../../db/schema';
import {
  applyPaymentFailed,
  applyPaymentSucceeded,
  refundOrphanedPayment,
} from '../bookings/bookings.service';
import type { JobContext } from './job';

const MINUTE_MS = 60_000;
/**
 * Webhooks usually arrive within seconds; a payment is looked up once it has been quiet
 * this long, and again at most this often.
 */
export const RECONCILE_AFTER_MS = 3 * MINUTE_MS;
/**
 * Past this, a payment that never settled is left alone: its hold expired long ago, and an
 * abandoned checkout should cost a handful of lookups, not one a minute forever.
 */
export const RECONCILE_WITHIN_MS = 60 * MINUTE_MS;
const BATCH = 50;

/**
 * Asks the payment provider about payments that have not settled a few minutes after they
 * started, for bookings still held (or whose hold expired meanwhile), and applies the answer
 * as the webhook would have: a success confirms the booking (or refunds it if the slot went),
 * a decline marks the payment failed. Covers webhooks lost or delayed.
 */
export async function reconcilePayments(
  ctx: Pick<JobContext, 'db' | 'env' | 'payments' | 'log' | 'now'>,
) {
  const provider = ctx.payments;
  if (!provider) return { checked: 0, confirmed: 0, failed: 0, errors: 0 };
  const now = ctx.now();
  // Claimed by moving `updated_at` to now, so replicas share the work and each payment is
  // looked up again only after RECONCILE_AFTER_MS.
  const due = ctx.db
    .select({ id: payments.id })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .where(
      and(
        eq(payments.provider, provider.name),
        inArray(payments.status, ['requires_payment', 'failed']),
        inArray(bookings.status, ['held', 'expired']),
        lt(payments.updatedAt, new Date(now - RECONCILE_AFTER_MS)),
        gt(payments.createdAt, new Date(now - RECONCILE_WITHIN_MS)),
      ),
    )
    .orderBy(asc(payments.updatedAt))
    .limit(BATCH)
    .for('update', { of: payments, skipLocked: true });
  const unsettled = await ctx.db
    .update(payments)
    .set({ updatedAt: new Date(now) })
    .where(
      and(inArray(payments.id, due), lt(payments.updatedAt, new Date(now - RECONCILE_AFTER_MS))),
    )
    .returning({ providerPaymentId: payments.providerPaymentId, status: payments.status });

  const deps = { db: ctx.db, env: ctx.env, payments: provider, now: ctx.now };
  let confirmed = 0;
  let failed = 0;
  let errors = 0;
  for (const payment of unsettled) {
    let state;
    try {
      state = await provider.retrievePayment(payment.providerPaymentId);
    } catch (err) {
      // One payment the provider cannot answer for must not hold up the others.
      ctx.log.warn({ err, providerPaymentId: payment.providerPaymentId }, 'payment lookup failed');
      errors += 1;
      continue;
    }
    if (state.status === 'succeeded') {
      const { refundNeeded } = await ctx.db.transaction((tx) =>
        applyPaymentSucceeded(deps, payment.providerPaymentId, tx),
      );
      if (refundNeeded) await refundOrphanedPayment(deps, refundNeeded);
      else confirmed += 1;
    } else if (state.status === 'failed' && payment.status === 'requires_payment') {
      failed += await applyPaymentFailed(ctx, payment.providerPaymentId, {
        code: state.failureCode,
        source: 'reconciliation',
      });
    }
  }
  return { checked: unsettled.length, confirmed, failed, errors };
}
