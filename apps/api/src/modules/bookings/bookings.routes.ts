import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BEARER_SECURITY } from '../../lib/auth/auth';
import { problemResponses } from '../../lib/errors';
import { videoAccessToken } from '../../lib/video/livekit';
import type { MarketplaceContext } from '../marketplace-context';
import { isTimeZone } from '../meta/meta.service';
import { bookingCalendar } from './ics';
import {
  cancelBooking,
  getBooking,
  holdBooking,
  joinableBooking,
  presentBooking,
  reportNoShow,
  rescheduleBooking,
  reviewBooking,
} from './bookings.service';

export const bookingSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['held', 'confirmed', 'cancelled', 'completed', 'no_show', 'expired']),
    practitionerId: z.uuid(),
    practitionerName: z.string(),
    sessionTypeId: z.uuid(),
    sessionTitle: z.string(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    timeZone: z.string().describe('The member’s zone, given when booking.'),
    localStart: z.iso.datetime({ offset: true }),
    priceCents: z.number().int(),
    currency: z.string(),
    holdExpiresAt: z.iso
      .datetime()
      .nullable()
      .describe('Until when an unpaid hold keeps the slot.'),
    cancelledBy: z.enum(['member', 'practitioner', 'admin', 'system']).nullable(),
    cancelReason: z.string().nullable(),
    payment: z
      .object({
        provider: z.string(),
        status: z.enum([
          'requires_payment',
          'succeeded',
          'failed',
          'refunded',
          'partially_refunded',
          'disputed',
        ]),
        amountCents: z.number().int(),
        refundedCents: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'Booking' });

const holdBody = z.object({
  sessionTypeId: z.uuid(),
  start: z.iso.datetime({ offset: true }).describe('A slot start from /practitioners/{id}/slots.'),
  timeZone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .default('UTC')
    .describe('The member’s zone, for reminders and local times.'),
});

const heldSchema = z
  .object({
    booking: bookingSchema,
    clientSecret: z
      .string()
      .nullable()
      .describe('For Stripe’s PaymentSheet or Payment Element; null when payment is already done.'),
  })
  .meta({ id: 'HeldBooking' });

const idParams = z.object({ id: z.uuid() });
const auth401 = { 401: 'No valid access token.' };
const notYours = { 404: 'No booking with this id that the caller takes part in.' };

export const bookingsRoutes: FastifyPluginAsyncZod<MarketplaceContext> = async (app, ctx) => {
  const { auth } = ctx;

  app.post(
    '/bookings',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Hold a slot and start paying',
        description:
          'Holds the slot for 10 minutes (BOOKING_HOLD_MINUTES) and creates a Stripe PaymentIntent ' +
          '(a Connect destination charge less the platform fee). The booking is confirmed when the ' +
          'payment succeeds; with the development provider that is at once.',
        security: BEARER_SECURITY,
        body: holdBody,
        response: {
          201: heldSchema,
          ...problemResponses({
            400: 'Invalid body.',
            ...auth401,
            403: 'Practitioners cannot book themselves.',
            404: 'No listed practitioner offers this session.',
            409: '`slot_taken`: someone else holds or booked this slot.',
            422: '`slot_unavailable`: the practitioner offers no session at that time.',
            502: 'The payment provider failed.',
            503: 'Payments are not configured.',
          }),
        },
      },
    },
    async (request, reply) => {
      const caller = await auth.require(request);
      const held = await holdBooking(ctx, caller, {
        sessionTypeId: request.body.sessionTypeId,
        start: Date.parse(request.body.start),
        timeZone: request.body.timeZone,
      });
      const { startsAt, endsAt } = held.booking;
      ctx.analytics.capture({
        name: 'booking_created',
        properties: { minutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000) },
      });
      reply.status(201);
      return { booking: presentBooking(held, held.payment), clientSecret: held.clientSecret };
    },
  );

  app.get(
    '/bookings/:id',
    {
      schema: {
        tags: ['bookings'],
        summary: 'One booking',
        security: BEARER_SECURITY,
        params: idParams,
        response: {
          200: bookingSchema,
          ...problemResponses({ 400: 'Invalid id.', ...auth401, ...notYours }),
        },
      },
    },
    async (request) => {
      const caller = await auth.require(request);
      const row = await getBooking(ctx, caller, request.params.id);
      return presentBooking(row, row.payment);
    },
  );

  app.post(
    '/bookings/:id/cancel',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Cancel a booking',
        description:
          'A member is refunded in full up to the session’s cancellation window (24 h by default) ' +
          'before the start, and nothing after; a practitioner’s or admin’s cancellation always ' +
          'refunds in full.',
        security: BEARER_SECURITY,
        params: idParams,
        body: z.object({ reason: z.string().trim().max(500).optional() }).nullish(),
        response: {
          200: z.object({
            booking: bookingSchema,
            refund: z.object({
              amountCents: z.number().int(),
              policy: z.enum(['within_window', 'outside_window', 'cancelled_by_practitioner']),
            }),
          }),
          ...problemResponses({
            400: 'Invalid id or body.',
            ...auth401,
            ...notYours,
            409: 'Already cancelled or finished.',
          }),
        },
      },
    },
    async (request) => {
      const caller = await auth.require(request);
      const { refund, share } = await cancelBooking(
        ctx,
        caller,
        request.params.id,
        request.body?.reason,
      );
      ctx.analytics.capture({ name: 'booking_cancelled', properties: { refund: share } });
      const row = await getBooking(ctx, caller, request.params.id);
      return { booking: presentBooking(row, row.payment), refund };
    },
  );

  app.post(
    '/bookings/:id/reschedule',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Move a confirmed booking to another slot',
        description:
          'Members may move a session until its cancellation window begins; practitioners at any time.',
        security: BEARER_SECURITY,
        params: idParams,
        body: z.object({ start: z.iso.datetime({ offset: true }) }),
        response: {
          200: bookingSchema,
          ...problemResponses({
            400: 'Invalid id or body.',
            ...auth401,
            ...notYours,
            409: 'The slot is taken, the window has passed, or the booking is not confirmed.',
            422: 'The practitioner offers no session at that time.',
          }),
        },
      },
    },
    async (request) => {
      const caller = await auth.require(request);
      const row = await rescheduleBooking(
        ctx,
        caller,
        request.params.id,
        Date.parse(request.body.start),
      );
      return presentBooking(row, row.payment);
    },
  );

  app.get(
    '/bookings/:id/calendar.ics',
    {
      schema: {
        tags: ['bookings'],
        summary: 'The booking as an iCalendar file',
        security: BEARER_SECURITY,
        params: idParams,
        produces: ['text/calendar'],
        response: {
          200: z.string().describe('An RFC 5545 VCALENDAR with one VEVENT.'),
          ...problemResponses({ 400: 'Invalid id.', ...auth401, ...notYours }),
        },
      },
    },
    async (request, reply) => {
      const caller = await auth.require(request);
      const row = await getBooking(ctx, caller, request.params.id);
      const { booking } = row;
      const base = ctx.env.PUBLIC_URL ?? '';
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="exhale-${booking.id}.ics"`);
      return bookingCalendar({
        bookingId: booking.id,
        start: booking.startsAt,
        end: booking.endsAt,
        now: new Date(ctx.now()),
        summary: `${row.sessionTitle} with ${row.practitionerName}`,
        description:
          'Breathwork session on Exhale. Open the app to join the call 10 minutes before.',
        url: base ? `${base}/bookings/${booking.id}` : undefined,
        cancelled: booking.status === 'cancelled',
        sequence: Math.floor(booking.updatedAt.getTime() / 1000),
      });
    },
  );

  app.post(
    '/bookings/:id/join',
    {
      schema: {
        tags: ['bookings'],
        summary: 'A video access token for the session',
        description:
          'A LiveKit token for the booking’s own room, issued only to its member and practitioner, ' +
          'from 10 minutes before the start until the end; it expires at the end.',
        security: BEARER_SECURITY,
        params: idParams,
        response: {
          200: z
            .object({
              url: z.string(),
              room: z.string(),
              token: z.string(),
              expiresAt: z.iso.datetime(),
            })
            .meta({ id: 'VideoGrant' }),
          ...problemResponses({
            400: 'Invalid id.',
            ...auth401,
            403: 'Admins cannot join sessions.',
            ...notYours,
            409: '`call_not_open_yet` (with `opensAt`), `call_closed` or `booking_not_confirmed`.',
          }),
        },
      },
    },
    async (request) => {
      const caller = await auth.require(request);
      const { row, window, now } = await joinableBooking(ctx, caller, request.params.id);
      return videoAccessToken(ctx.env, {
        bookingId: row.booking.id,
        identity: caller.accountId,
        name: row.as === 'practitioner' ? row.practitionerName : (caller.email ?? 'Member'),
        validForMs: window.closesAt - now,
      });
    },
  );

  app.post(
    '/bookings/:id/no-show',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Report that the member did not come',
        description:
          'For the practitioner (or an admin), from ten minutes after the start until 48 hours ' +
          'after the end. The booking becomes `no_show`; nothing is refunded.',
        security: BEARER_SECURITY,
        params: idParams,
        response: {
          200: z.object({ booking: bookingSchema }),
          ...problemResponses({
            400: 'Invalid id.',
            ...auth401,
            403: 'Only the practitioner may report a no-show.',
            ...notYours,
            409: '`booking_not_due`, `no_show_too_late` or `booking_reviewed`.',
          }),
        },
      },
    },
    async (request) => {
      const caller = await auth.require(request);
      await reportNoShow(ctx, caller, request.params.id);
      const row = await getBooking(ctx, caller, request.params.id);
      return { booking: presentBooking(row, row.payment) };
    },
  );

  app.post(
    '/bookings/:id/review',
    {
      schema: {
        tags: ['bookings'],
        summary: 'Review a session after it took place',
        security: BEARER_SECURITY,
        params: idParams,
        body: z.object({
          rating: z.number().int().min(1).max(5),
          comment: z.string().trim().max(2000).default(''),
        }),
        response: {
          204: z.null().describe('Saved.'),
          ...problemResponses({
            400: 'Invalid id or body.',
            ...auth401,
            403: 'Only the member may review.',
            ...notYours,
            409: '`already_reviewed` or `booking_not_completed`.',
          }),
        },
      },
    },
    async (request, reply) => {
      const caller = await auth.require(request);
      await reviewBooking(ctx, caller, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
