import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { auditLog, bookings, payments, practitioners, sessionTypes } from '../../db/schema';

export type Tx = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];
export type Executor = AppDatabase | Tx;

export type BookingRow = typeof bookings.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

export async function findBooking(db: Executor, id: string) {
  const [row] = await db
    .select({
      booking: bookings,
      practitionerAccountId: practitioners.accountId,
      practitionerName: practitioners.displayName,
      sessionTitle: sessionTypes.title,
    })
    .from(bookings)
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(eq(bookings.id, id));
  return row ?? null;
}

export async function latestPayment(db: Executor, bookingId: string) {
  const [row] = await db
    .select()
    .from(payments)
    .where(eq(payments.bookingId, bookingId))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findPaymentByProviderId(db: Executor, providerPaymentId: string) {
  const [row] = await db
    .select()
    .from(payments)
    .where(eq(payments.providerPaymentId, providerPaymentId));
  return row ?? null;
}

/** Unpaid holds past their expiry no longer block anything; mark them so. */
export async function expireHolds(db: Executor, now: Date, practitionerId?: string) {
  const conditions = [eq(bookings.status, 'held'), lte(bookings.holdExpiresAt, now)];
  if (practitionerId) conditions.push(eq(bookings.practitionerId, practitionerId));
  return db
    .update(bookings)
    .set({ status: 'expired', updatedAt: now })
    .where(and(...conditions))
    .returning({ id: bookings.id, practitionerId: bookings.practitionerId });
}

export async function audit(
  db: Executor,
  entry: {
    actorId: string | null;
    entity: string;
    entityId: string;
    action: string;
    data?: Record<string, unknown>;
  },
) {
  await db.insert(auditLog).values({ ...entry, data: entry.data ?? {} });
}

/** Bookings with the names a list shows: the practitioner's and the session's. */
export function bookingsWithNames(db: Executor) {
  return db
    .select({
      booking: bookings,
      practitionerName: practitioners.displayName,
      sessionTitle: sessionTypes.title,
    })
    .from(bookings)
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId));
}

export async function memberBookings(db: AppDatabase, memberId: string, limit: number) {
  return bookingsWithNames(db)
    .where(
      and(
        eq(bookings.memberId, memberId),
        inArray(bookings.status, ['held', 'confirmed', 'cancelled', 'completed', 'no_show']),
      ),
    )
    .orderBy(desc(bookings.startsAt))
    .limit(limit);
}

export async function practitionerBookings(
  db: AppDatabase,
  practitionerId: string,
  from: Date,
  limit: number,
) {
  return bookingsWithNames(db)
    .where(
      and(
        eq(bookings.practitionerId, practitionerId),
        or(eq(bookings.status, 'confirmed'), eq(bookings.status, 'held')),
        sql`${bookings.endsAt} >= ${from.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(bookings.startsAt)
    .limit(limit);
}
