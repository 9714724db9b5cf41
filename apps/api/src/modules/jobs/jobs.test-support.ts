import { pino } from 'pino';
import type { bookings } from '../../db/schema';
import { demoPractitioner } from '../../db/seed/demo-practitioners';
import { rangeLiteral } from '../practitioners/schedule.repository';

export const silentLog = pino({ level: 'silent' });

export const MEMBER_ID = '11111111-1111-4111-8111-111111111111';

type BookingStatus = (typeof bookings.$inferInsert)['status'];

/** A booking row of demo practitioner 0 with member `MEMBER_ID`, inserted as given. */
export function bookingValues(options: {
  start: number;
  minutes?: number;
  status: BookingStatus;
  holdExpiresAt?: Date;
  memberTimeZone?: string;
  practitionerIndex?: number;
}) {
  const demo = demoPractitioner(options.practitionerIndex ?? 0);
  const session = { start: options.start, end: options.start + (options.minutes ?? 30) * 60_000 };
  return {
    practitionerId: demo.practitioner.id,
    memberId: MEMBER_ID,
    sessionTypeId: demo.sessionTypes[0]!.id,
    startsAt: new Date(session.start),
    endsAt: new Date(session.end),
    during: rangeLiteral(session),
    blocked: rangeLiteral(session),
    status: options.status,
    holdExpiresAt: options.holdExpiresAt,
    memberTimeZone: options.memberTimeZone ?? 'UTC',
    priceCents: 5000,
    currency: 'eur',
    platformFeeCents: 750,
    cancellationWindowHours: 24,
  };
}
