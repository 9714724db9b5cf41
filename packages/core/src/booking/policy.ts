const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Who ends a booking early. The system only ever releases unpaid holds. */
export type CancelledBy = 'member' | 'practitioner' | 'admin' | 'system';

export interface CancellationTerms {
  cancelledBy: CancelledBy;
  now: number;
  /** When the session starts. */
  start: number;
  /** A member cancelling at least this long before the start is refunded in full. */
  cancellationWindowHours: number;
  paidCents: number;
}

export type RefundReason = 'within_window' | 'outside_window' | 'cancelled_by_practitioner';

export interface RefundDecision {
  refundCents: number;
  reason: RefundReason;
}

/**
 * The refund a cancellation earns: a member gets everything back up to the practitioner's
 * window before the start and nothing after; when the practitioner (or Exhale) cancels,
 * the member is always refunded in full.
 */
export function refundForCancellation(terms: CancellationTerms): RefundDecision {
  if (terms.cancelledBy !== 'member') {
    return { refundCents: terms.paidCents, reason: 'cancelled_by_practitioner' };
  }
  return isWithinCancellationWindow(terms)
    ? { refundCents: terms.paidCents, reason: 'within_window' }
    : { refundCents: 0, reason: 'outside_window' };
}

/** Whether a member may still cancel for a full refund, or move the session. */
export function isWithinCancellationWindow(
  terms: Pick<CancellationTerms, 'now' | 'start' | 'cancellationWindowHours'>,
): boolean {
  return terms.now <= terms.start - terms.cancellationWindowHours * HOUR_MS;
}

/** The call opens this long before the start, so both can check their sound. */
export const JOIN_OPENS_BEFORE_MINUTES = 10;

/** When a participant may join the call of a session [start, end). */
export function joinWindow(session: { start: number; end: number }): {
  opensAt: number;
  closesAt: number;
} {
  return { opensAt: session.start - JOIN_OPENS_BEFORE_MINUTES * MINUTE_MS, closesAt: session.end };
}

/** Platform fee in cents for a price, rounded to the nearest cent. */
export function platformFeeCents(priceCents: number, feeBasisPoints: number): number {
  return Math.round((priceCents * feeBasisPoints) / 10_000);
}
