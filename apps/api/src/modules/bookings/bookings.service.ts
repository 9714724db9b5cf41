import {
  isBookableSlot,
  isWithinCancellationWindow,
  joinWindow,
  platformFeeCents,
  refundForCancellation,
  zonedIso,
  type CancelledBy,
} from '@exhale/core/booking';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { EXCLUSION_VIOLATION, UNIQUE_VIOLATION, sqlState } from '../../db/errors';
import { bookings, payments, practitioners, refunds, reviews, sessionTypes } from '../../db/schema';
import type { Caller } from '../../lib/auth/auth';
import { AppError, Conflict, Forbidden, NotFound, ServiceUnavailable } from '../../lib/errors';
import type { PaymentProvider } from '../../lib/payments/payment-provider';
import type { MarketplaceContext } from '../marketplace-context';
import { refreshNextAvailability } from '../practitioners/practitioners.service';
import {
  loadSchedule,
  rangeLiteral,
  scheduleColumns,
  scheduleSpan,
  toSchedule,
} from '../practitioners/schedule.repository';
import {
  audit,
  expireHolds,
  findBooking,
  latestPayment,
  type BookingRow,
  type Executor,
  type PaymentRow,
} from './bookings.repository';

const MINUTE_MS = 60_000;
/** Longest session a practitioner can offer (session_types_duration_check). */
const LONGEST_SESSION_MS = 240 * MINUTE_MS;

type Deps = Pick<MarketplaceContext, 'db' | 'payments' | 'env' | 'now'>;
type Participant = 'member' | 'practitioner' | 'admin';

const slotTaken = () =>
  new Conflict('Someone else has just taken this slot. Please pick another.', {
    code: 'slot_taken',
  });

const slotUnavailable = () =>
  new AppError({
    status: 422,
    title: 'Unprocessable Content',
    code: 'slot_unavailable',
    detail: 'This practitioner does not offer a session at that time.',
  });

const bookingNotFound = () =>
  new NotFound('You have no booking with this id.', { code: 'booking_not_found' });

function requirePayments(payments: PaymentProvider | null): PaymentProvider {
  if (!payments) {
    throw new ServiceUnavailable('Payments are not configured on this server.', {
      code: 'payments_unconfigured',
    });
  }
  return payments;
}

/** Whether (and as whom) the caller takes part in a booking; others get 404, not 403. */
async function bookingFor(db: Executor, caller: Caller, id: string) {
  const row = await findBooking(db, id);
  if (!row) throw bookingNotFound();
  let as: Participant | null = null;
  if (row.booking.memberId === caller.accountId) as = 'member';
  else if (row.practitionerAccountId === caller.accountId) as = 'practitioner';
  else if (caller.role === 'admin') as = 'admin';
  if (!as) throw bookingNotFound();
  return { ...row, as };
}

export async function getBooking(deps: Deps, caller: Caller, id: string) {
  const row = await bookingFor(deps.db, caller, id);
  return { ...row, payment: await latestPayment(deps.db, id) };
}

async function releaseSlotCache(deps: Deps, practitionerId: string) {
  await refreshNextAvailability(deps.db, practitionerId, deps.now());
}

const offerStatements = new WeakMap<object, ReturnType<typeof prepareOffer>>();

/**
 * A session type on offer, its practitioner, and the practitioner's schedule around the
 * asked time, in one statement prepared once per database: every hold, won or lost, starts
 * with it, and building its SQL cost more than running it.
 */
function prepareOffer(db: Deps['db']) {
  const ofSessionType = sql`(select ${sessionTypes.practitionerId} from ${sessionTypes}
    where ${sessionTypes.id} = ${sql.placeholder('sessionTypeId')})`;
  return db
    .select({
      sessionType: sessionTypes,
      practitioner: practitioners,
      schedule: scheduleColumns(ofSessionType, {
        start: sql.placeholder('start'),
        end: sql.placeholder('end'),
        now: sql.placeholder('now'),
      }),
    })
    .from(sessionTypes)
    .innerJoin(practitioners, eq(practitioners.id, sessionTypes.practitionerId))
    .where(
      and(eq(sessionTypes.id, sql.placeholder('sessionTypeId')), eq(sessionTypes.active, true)),
    )
    .prepare('hold_offer');
}

function offerStatement(db: Deps['db']) {
  let statement = offerStatements.get(db);
  if (!statement) offerStatements.set(db, (statement = prepareOffer(db)));
  return statement;
}

/**
 * Holds a slot for BOOKING_HOLD_MINUTES and starts its payment. The slot check here gives
 * a helpful answer; the exclusion constraint on `bookings.blocked` is what makes two
 * concurrent holds of one slot impossible.
 */
export async function holdBooking(
  deps: Deps,
  caller: Caller,
  input: { sessionTypeId: string; start: number; timeZone: string },
) {
  const provider = requirePayments(deps.payments);
  const now = deps.now();
  // Its span is the longest a session can be, so it is known before the session type is read.
  const [offer] = await offerStatement(deps.db).execute({
    sessionTypeId: input.sessionTypeId,
    ...scheduleSpan(input.start, input.start + LONGEST_SESSION_MS, now),
  });
  if (!offer || offer.practitioner.status !== 'verified') {
    throw new NotFound('No listed practitioner offers this session.', {
      code: 'session_type_not_found',
    });
  }
  const { sessionType, practitioner } = offer;
  if (practitioner.accountId === caller.accountId) {
    throw new Forbidden('Practitioners cannot book their own sessions.', { code: 'own_session' });
  }
  const schedule = toSchedule(offer.schedule);
  const query = { durationMinutes: sessionType.durationMinutes, timeOff: schedule.timeOff, now };
  const slot = isBookableSlot(schedule.policy, { ...query, busy: schedule.busy }, input.start);
  if (!slot) {
    throw isBookableSlot(schedule.policy, { ...query, busy: [] }, input.start)
      ? slotTaken()
      : slotUnavailable();
  }

  const fee = platformFeeCents(sessionType.priceCents, deps.env.PLATFORM_FEE_BASIS_POINTS);
  let booking: BookingRow;
  try {
    booking = await deps.db.transaction(async (tx) => {
      await expireHolds(tx, new Date(now), practitioner.id);
      const [row] = await tx
        .insert(bookings)
        .values({
          practitionerId: practitioner.id,
          memberId: caller.accountId,
          sessionTypeId: sessionType.id,
          startsAt: new Date(slot.start),
          endsAt: new Date(slot.end),
          during: rangeLiteral(slot),
          blocked: rangeLiteral(slot.blocked),
          status: 'held',
          holdExpiresAt: new Date(now + deps.env.BOOKING_HOLD_MINUTES * MINUTE_MS),
          memberTimeZone: input.timeZone,
          priceCents: sessionType.priceCents,
          currency: sessionType.currency,
          platformFeeCents: fee,
          cancellationWindowHours: sessionType.cancellationWindowHours,
        })
        .returning();
      await audit(tx, {
        actorId: caller.accountId,
        entity: 'booking',
        entityId: row!.id,
        action: 'held',
      });
      return row!;
    });
  } catch (error) {
    if (sqlState(error) === EXCLUSION_VIOLATION) throw slotTaken();
    throw error;
  }

  let started;
  try {
    started = await provider.startPayment({
      bookingId: booking.id,
      amountCents: booking.priceCents,
      currency: booking.currency,
      platformFeeCents: fee,
      destinationAccountId: practitioner.stripeAccountId,
      idempotencyKey: `booking-${booking.id}-payment`,
      description: `${sessionType.title} with ${practitioner.displayName}`,
    });
  } catch (error) {
    // No payment could start, so the hold would only block the slot for ten minutes.
    await deps.db
      .update(bookings)
      .set({ status: 'expired', updatedAt: new Date(now) })
      .where(eq(bookings.id, booking.id));
    throw error;
  }

  const [payment] = await deps.db
    .insert(payments)
    .values({
      bookingId: booking.id,
      provider: provider.name,
      providerPaymentId: started.providerPaymentId,
      amountCents: booking.priceCents,
      currency: booking.currency,
      platformFeeCents: fee,
    })
    .returning();
  if (mayMoveNextAvailability(practitioner, slot.blocked)) {
    await releaseSlotCache(deps, practitioner.id);
  }
  if (started.status === 'succeeded') {
    await applyPaymentSucceeded(deps, started.providerPaymentId);
    const current = await getBooking(deps, caller, booking.id);
    return { ...current, clientSecret: started.clientSecret, payment: current.payment ?? payment! };
  }
  return {
    booking,
    practitionerAccountId: practitioner.accountId,
    practitionerName: practitioner.displayName,
    sessionTitle: sessionType.title,
    as: 'member' as Participant,
    clientSecret: started.clientSecret,
    payment: payment!,
  };
}

/**
 * Whether a new booking blocking `blocked` could change the practitioner's cached next
 * availability: only if it overlaps the slot that is cached as next (whatever its length
 * and buffers). Most holds are for later slots, and recomputing means computing slots
 * across the whole booking horizon.
 */
function mayMoveNextAvailability(
  practitioner: Pick<
    typeof practitioners.$inferSelect,
    'nextAvailableAt' | 'bufferBeforeMinutes' | 'bufferAfterMinutes'
  >,
  blocked: { start: number; end: number },
) {
  const next = practitioner.nextAvailableAt?.getTime();
  if (next === undefined) return false;
  const nextBlockedStart = next - practitioner.bufferBeforeMinutes * MINUTE_MS;
  const nextBlockedEnd = next + LONGEST_SESSION_MS + practitioner.bufferAfterMinutes * MINUTE_MS;
  return blocked.start < nextBlockedEnd && blocked.end > nextBlockedStart;
}

/** Refunds part or all of a payment through the provider and records it. */
async function refundPayment(
  deps: Deps,
  payment: PaymentRow,
  amountCents: number,
  reason: string,
  idempotencyKey: string,
) {
  const provider = requirePayments(deps.payments);
  const refund = await provider.refund({
    providerPaymentId: payment.providerPaymentId,
    amountCents,
    idempotencyKey,
    reason,
  });
  await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(refunds)
      .values({
        paymentId: payment.id,
        providerRefundId: refund.providerRefundId,
        amountCents,
        status: refund.status,
        reason,
      })
      .onConflictDoNothing()
      .returning({ id: refunds.id });
    if (inserted.length === 0) return;
    await tx
      .update(payments)
      .set({
        refundedCents: sql`least(${payments.amountCents}, ${payments.refundedCents} + ${amountCents})`,
        status: sql`case when ${payments.refundedCents} + ${amountCents} >= ${payments.amountCents} then 'refunded' else 'partially_refunded' end::payment_status`,
        updatedAt: new Date(deps.now()),
      })
      .where(eq(payments.id, payment.id));
  });
  return { providerRefundId: refund.providerRefundId, amountCents };
}

/**
 * A payment succeeded (webhook, or at once in development): confirm its booking. If the
 * hold had expired and someone else took the slot meanwhile, or the member cancelled, the
 * money goes straight back.
 */
export async function applyPaymentSucceeded(deps: Deps, providerPaymentId: string, tx?: Executor) {
  const db = tx ?? deps.db;
  const [payment] = await db
    .update(payments)
    .set({ status: 'succeeded', updatedAt: new Date(deps.now()) })
    .where(
      and(
        eq(payments.providerPaymentId, providerPaymentId),
        inArray(payments.status, ['requires_payment', 'failed']),
      ),
    )
    .returning();
  if (!payment) return { refundNeeded: null };

  const [booking] = await db.select().from(bookings).where(eq(bookings.id, payment.bookingId));
  if (!booking) return { refundNeeded: null };
  if (booking.status === 'held' || booking.status === 'expired') {
    const confirm = async (executor: Executor) => {
      await executor
        .update(bookings)
        .set({ status: 'confirmed', holdExpiresAt: null, updatedAt: new Date(deps.now()) })
        .where(eq(bookings.id, booking.id));
    };
    try {
      // Inside the webhook's transaction a savepoint keeps it usable if the slot was lost.
      if (tx) await tx.transaction(confirm);
      else await confirm(db);
      await audit(db, {
        actorId: null,
        entity: 'booking',
        entityId: booking.id,
        action: 'confirmed',
      });
      return { refundNeeded: null };
    } catch (error) {
      if (sqlState(error) !== EXCLUSION_VIOLATION) throw error;
      await db
        .update(bookings)
        .set({
          status: 'cancelled',
          cancelledBy: 'system',
          cancelReason: 'slot_lost_after_hold_expired',
          cancelledAt: new Date(deps.now()),
        })
        .where(eq(bookings.id, booking.id));
      await audit(db, {
        actorId: null,
        entity: 'booking',
        entityId: booking.id,
        action: 'cancelled',
        data: { reason: 'slot_lost_after_hold_expired' },
      });
      return { refundNeeded: payment };
    }
  }
  if (booking.status === 'cancelled') return { refundNeeded: payment };
  return { refundNeeded: null };
}

/**
 * A payment failed (webhook, or reconciliation asking the provider): the payment moves
 * forwards only (a failure never undoes a success) and the hold stays, since the member may
 * try another card until it expires. Returns how many payments it marked.
 */
export async function applyPaymentFailed(
  deps: Pick<Deps, 'db' | 'now'>,
  providerPaymentId: string,
  failure: { code: string | null; source: 'webhook' | 'reconciliation' },
  tx?: Executor,
) {
  const db = tx ?? deps.db;
  const failed = await db
    .update(payments)
    .set({ status: 'failed', updatedAt: new Date(deps.now()) })
    .where(
      and(
        eq(payments.providerPaymentId, providerPaymentId),
        eq(payments.status, 'requires_payment'),
      ),
    )
    .returning({ bookingId: payments.bookingId });
  for (const { bookingId } of failed) {
    await audit(db, {
      actorId: null,
      entity: 'booking',
      entityId: bookingId,
      action: 'payment_failed',
      data: failure,
    });
  }
  return failed.length;
}

/** Refunds a payment that arrived for a booking that can no longer take place. */
export async function refundOrphanedPayment(deps: Deps, payment: PaymentRow) {
  await refundPayment(
    deps,
    payment,
    payment.amountCents,
    'booking_unavailable',
    `refund-${payment.id}-orphaned`,
  );
}

export async function cancelBooking(
  deps: Deps,
  caller: Caller,
  id: string,
  reason: string | undefined,
) {
  const row = await bookingFor(deps.db, caller, id);
  const { booking } = row;
  if (booking.status !== 'held' && booking.status !== 'confirmed') {
    throw new Conflict(`This booking is ${booking.status} and can no longer be cancelled.`, {
      code: 'booking_not_cancellable',
    });
  }
  const now = deps.now();
  const payment = await latestPayment(deps.db, id);
  const paidCents =
    payment?.status === 'succeeded' ? payment.amountCents - payment.refundedCents : 0;
  const cancelledBy: CancelledBy = row.as;
  const decision = refundForCancellation({
    cancelledBy,
    now,
    start: booking.startsAt.getTime(),
    cancellationWindowHours: booking.cancellationWindowHours,
    paidCents,
  });

  const cancelled = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(bookings)
      .set({
        status: 'cancelled',
        cancelledBy,
        cancelReason: reason ?? null,
        cancelledAt: new Date(now),
        holdExpiresAt: null,
        updatedAt: new Date(now),
      })
      .where(and(eq(bookings.id, id), inArray(bookings.status, ['held', 'confirmed'])))
      .returning({ id: bookings.id });
    if (updated) {
      await audit(tx, {
        actorId: caller.accountId,
        entity: 'booking',
        entityId: id,
        action: 'cancelled',
        data: { by: cancelledBy, refundCents: decision.refundCents, policy: decision.reason },
      });
    }
    return Boolean(updated);
  });
  if (!cancelled) {
    throw new Conflict('This booking changed while you were cancelling it.', {
      code: 'booking_not_cancellable',
    });
  }
  const refund =
    decision.refundCents > 0 && payment
      ? await refundPayment(
          deps,
          payment,
          decision.refundCents,
          decision.reason,
          `booking-${id}-cancel-refund`,
        )
      : null;
  await releaseSlotCache(deps, booking.practitionerId);
  const refundedCents = refund?.amountCents ?? 0;
  return {
    refund: { amountCents: refundedCents, policy: decision.reason },
    share: refundShare(refundedCents, paidCents),
  };
}

/** How much of what was paid came back, for analytics (no amounts leave the server). */
function refundShare(refundedCents: number, paidCents: number): 'full' | 'partial' | 'none' {
  if (refundedCents <= 0) return 'none';
  return refundedCents >= paidCents ? 'full' : 'partial';
}

export async function rescheduleBooking(deps: Deps, caller: Caller, id: string, start: number) {
  const row = await bookingFor(deps.db, caller, id);
  const { booking } = row;
  if (booking.status !== 'confirmed') {
    throw new Conflict('Only confirmed bookings can be moved.', {
      code: 'booking_not_reschedulable',
    });
  }
  const now = deps.now();
  if (
    row.as === 'member' &&
    !isWithinCancellationWindow({
      now,
      start: booking.startsAt.getTime(),
      cancellationWindowHours: booking.cancellationWindowHours,
    })
  ) {
    throw new Conflict(
      `Sessions can be moved up to ${booking.cancellationWindowHours} hours before they start.`,
      { code: 'reschedule_window_passed' },
    );
  }
  const durationMs = booking.endsAt.getTime() - booking.startsAt.getTime();
  const schedule = await loadSchedule(
    deps.db,
    booking.practitionerId,
    start,
    start + durationMs,
    now,
  );
  if (!schedule) throw slotUnavailable();
  const ownBlocked = await deps.db
    .select({
      start: sql<number>`(extract(epoch from lower(${bookings.blocked})) * 1000)::float8`.mapWith(
        Number,
      ),
    })
    .from(bookings)
    .where(eq(bookings.id, id));
  // The booking being moved must not block its own new time.
  const busy = schedule.busy.filter((range) => range.start !== ownBlocked[0]?.start);
  const query = { durationMinutes: durationMs / MINUTE_MS, timeOff: schedule.timeOff, now };
  const slot = isBookableSlot(schedule.policy, { ...query, busy }, start);
  if (!slot) {
    throw isBookableSlot(schedule.policy, { ...query, busy: [] }, start)
      ? slotTaken()
      : slotUnavailable();
  }
  try {
    await deps.db.transaction(async (tx) => {
      await expireHolds(tx, new Date(now), booking.practitionerId);
      await tx
        .update(bookings)
        .set({
          startsAt: new Date(slot.start),
          endsAt: new Date(slot.end),
          during: rangeLiteral(slot),
          blocked: rangeLiteral(slot.blocked),
          remindersSent: [],
          updatedAt: new Date(now),
        })
        .where(eq(bookings.id, id));
      await audit(tx, {
        actorId: caller.accountId,
        entity: 'booking',
        entityId: id,
        action: 'rescheduled',
        data: { from: booking.startsAt.toISOString(), to: new Date(slot.start).toISOString() },
      });
    });
  } catch (error) {
    if (sqlState(error) === EXCLUSION_VIOLATION) throw slotTaken();
    throw error;
  }
  await releaseSlotCache(deps, booking.practitionerId);
  return getBooking(deps, caller, id);
}

/** A member may be reported absent from this long after the start… */
const NO_SHOW_FROM_START_MS = 10 * MINUTE_MS;
/** …until this long after the end; later, the session stands as completed. */
const NO_SHOW_UNTIL_END_MS = 48 * 60 * MINUTE_MS;

/**
 * The practitioner (or an admin) reports that the member did not come. The booking
 * becomes `no_show`; the payment stays with the practitioner, as the cancellation policy
 * already gave the member until the window to cancel. A no-show cannot be reviewed.
 */
export async function reportNoShow(deps: Deps, caller: Caller, id: string) {
  const row = await bookingFor(deps.db, caller, id);
  if (row.as === 'member') {
    throw new Forbidden('Only the practitioner can report that the member did not come.', {
      code: 'not_your_booking',
    });
  }
  const { booking } = row;
  const now = deps.now();
  if (booking.status !== 'confirmed' && booking.status !== 'completed') {
    const detail = `This booking is ${booking.status}; only a session that was due can be a no-show.`;
    throw new Conflict(detail, { code: 'booking_not_due' });
  }
  if (now < booking.startsAt.getTime() + NO_SHOW_FROM_START_MS) {
    throw new Conflict('A no-show can be reported from ten minutes after the start.', {
      code: 'booking_not_due',
    });
  }
  if (now > booking.endsAt.getTime() + NO_SHOW_UNTIL_END_MS) {
    throw new Conflict('A no-show can be reported until 48 hours after the session.', {
      code: 'no_show_too_late',
    });
  }
  const reported = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(bookings)
      .set({ status: 'no_show', updatedAt: new Date(now) })
      .where(
        and(
          eq(bookings.id, id),
          inArray(bookings.status, ['confirmed', 'completed']),
          sql`not exists (select 1 from ${reviews} r where r.booking_id = ${id})`,
        ),
      )
      .returning({ id: bookings.id });
    if (updated) {
      await audit(tx, {
        actorId: caller.accountId,
        entity: 'booking',
        entityId: id,
        action: 'no_show',
        data: { by: row.as },
      });
    }
    return Boolean(updated);
  });
  if (!reported) {
    throw new Conflict('The member has already reviewed this session, so they were there.', {
      code: 'booking_reviewed',
    });
  }
}

export async function reviewBooking(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { rating: number; comment: string },
) {
  const row = await bookingFor(deps.db, caller, id);
  if (row.as !== 'member') {
    throw new Forbidden('Only the member who took the session can review it.', {
      code: 'not_your_booking',
    });
  }
  const { booking } = row;
  const now = deps.now();
  const finished =
    booking.status === 'completed' ||
    (booking.status === 'confirmed' && booking.endsAt.getTime() <= now);
  if (!finished) {
    throw new Conflict('A session can be reviewed once it has taken place.', {
      code: 'booking_not_completed',
    });
  }
  try {
    await deps.db.transaction(async (tx) => {
      if (booking.status === 'confirmed') {
        await tx
          .update(bookings)
          .set({ status: 'completed', updatedAt: new Date(now) })
          .where(eq(bookings.id, id));
      }
      await tx.insert(reviews).values({
        bookingId: id,
        practitionerId: booking.practitionerId,
        memberId: caller.accountId,
        rating: input.rating,
        comment: input.comment,
      });
      await tx
        .update(practitioners)
        .set({
          ratingCount: sql`(select count(*)::int from ${reviews} r where r.practitioner_id = ${booking.practitionerId})`,
          ratingAverage: sql`(select avg(r.rating)::float8 from ${reviews} r where r.practitioner_id = ${booking.practitionerId})`,
        })
        .where(eq(practitioners.id, booking.practitionerId));
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) {
      throw new Conflict('This session already has your review.', { code: 'already_reviewed' });
    }
    throw error;
  }
}

/** When the caller may join the call, or why not yet. */
export async function joinableBooking(deps: Deps, caller: Caller, id: string) {
  const row = await bookingFor(deps.db, caller, id);
  if (row.as === 'admin') {
    throw new Forbidden('Only the member and the practitioner can join a session.', {
      code: 'not_a_participant',
    });
  }
  const { booking } = row;
  if (booking.status !== 'confirmed') {
    throw new Conflict(`This booking is ${booking.status}.`, { code: 'booking_not_confirmed' });
  }
  const window = joinWindow({ start: booking.startsAt.getTime(), end: booking.endsAt.getTime() });
  const now = deps.now();
  if (now < window.opensAt || now >= window.closesAt) {
    throw new Conflict(
      now < window.opensAt
        ? 'The call opens 10 minutes before the session.'
        : 'This session has ended.',
      {
        code: now < window.opensAt ? 'call_not_open_yet' : 'call_closed',
        extra: {
          opensAt: new Date(window.opensAt).toISOString(),
          closesAt: new Date(window.closesAt).toISOString(),
        },
      },
    );
  }
  return { row, window, now };
}

export function presentBooking(
  row: { booking: BookingRow; practitionerName: string; sessionTitle: string },
  payment: PaymentRow | null,
) {
  const { booking } = row;
  return {
    id: booking.id,
    status: booking.status,
    practitionerId: booking.practitionerId,
    practitionerName: row.practitionerName,
    sessionTypeId: booking.sessionTypeId,
    sessionTitle: row.sessionTitle,
    start: booking.startsAt.toISOString(),
    end: booking.endsAt.toISOString(),
    timeZone: booking.memberTimeZone,
    localStart: zonedIso(booking.startsAt.getTime(), booking.memberTimeZone),
    priceCents: booking.priceCents,
    currency: booking.currency,
    holdExpiresAt: booking.holdExpiresAt?.toISOString() ?? null,
    cancelledBy: booking.cancelledBy,
    cancelReason: booking.cancelReason,
    payment: payment
      ? {
          provider: payment.provider,
          status: payment.status,
          amountCents: payment.amountCents,
          refundedCents: payment.refundedCents,
        }
      : null,
  };
}
