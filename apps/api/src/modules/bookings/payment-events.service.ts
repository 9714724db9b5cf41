import { and, eq, inArray, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { payments, processedWebhookEvents, refunds } from '../../db/schema';
import type { MarketplaceContext } from '../marketplace-context';
import { audit, type PaymentRow } from './bookings.repository';
import {
  applyPaymentFailed,
  applyPaymentSucceeded,
  refundOrphanedPayment,
} from './bookings.service';

type Deps = Pick<MarketplaceContext, 'db' | 'payments' | 'env' | 'now'>;

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

/**
 * Applies one Stripe event exactly once: its id is recorded in the same transaction as its
 * effect, so a repeated delivery finds it and changes nothing. Each handler moves a payment
 * only forwards (a failure never undoes a success), so events arriving out of order end in
 * the same state as in order.
 */
export async function applyStripeEvent(deps: Deps, event: Stripe.Event): Promise<EventOutcome> {
  const now = new Date(deps.now());
  const result = await deps.db.transaction(async (tx) => {
    const fresh = await tx
      .insert(processedWebhookEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: processedWebhookEvents.id });
    if (fresh.length === 0) return { outcome: 'duplicate' as const, orphan: null };

    switch (event.type) {
      case 'payment_intent.succeeded': {
        const { refundNeeded } = await applyPaymentSucceeded(deps, event.data.object.id, tx);
        return { outcome: 'applied' as const, orphan: refundNeeded };
      }
      case 'payment_intent.payment_failed': {
        const { id, last_payment_error: error } = event.data.object;
        await applyPaymentFailed(deps, id, { code: error?.code ?? null, source: 'webhook' }, tx);
        return { outcome: 'applied' as const, orphan: null };
      }
      case 'charge.refunded': {
        const charge = event.data.object;
        const intentId = idOf(charge.payment_intent);
        if (!intentId) return { outcome: 'ignored' as const, orphan: null };
        // Stripe's running total, not an increment, so replays and reordering cannot double it.
        const [payment] = await tx
          .update(payments)
          .set({
            refundedCents: sql`greatest(${payments.refundedCents}, ${charge.amount_refunded})`,
            status: charge.refunded ? 'refunded' : 'partially_refunded',
            updatedAt: now,
          })
          .where(
            and(
              eq(payments.providerPaymentId, intentId),
              inArray(payments.status, ['succeeded', 'partially_refunded', 'refunded']),
            ),
          )
          .returning();
        if (!payment) return { outcome: 'ignored' as const, orphan: null };
        for (const refund of charge.refunds?.data ?? []) {
          await tx
            .insert(refunds)
            .values({
              paymentId: payment.id,
              providerRefundId: refund.id,
              amountCents: refund.amount,
              status: refund.status ?? 'succeeded',
              reason: refund.metadata?.reason ?? refund.reason ?? 'stripe',
            })
            .onConflictDoUpdate({
              target: refunds.providerRefundId,
              set: { status: refund.status ?? 'succeeded' },
            });
        }
        return { outcome: 'applied' as const, orphan: null };
      }
      case 'charge.dispute.created': {
        const intentId = idOf(event.data.object.payment_intent);
        if (!intentId) return { outcome: 'ignored' as const, orphan: null };
        const disputed = await tx
          .update(payments)
          .set({ status: 'disputed', updatedAt: now })
          .where(eq(payments.providerPaymentId, intentId))
          .returning({ bookingId: payments.bookingId });
        for (const { bookingId } of disputed) {
          await audit(tx, {
            actorId: null,
            entity: 'booking',
            entityId: bookingId,
            action: 'payment_disputed',
            data: { reason: event.data.object.reason },
          });
        }
        return { outcome: 'applied' as const, orphan: null };
      }
      default:
        return { outcome: 'ignored' as const, orphan: null };
    }
  });
  if (result.orphan) await refundOrphanedPayment(deps, result.orphan as PaymentRow);
  return result.outcome;
}
