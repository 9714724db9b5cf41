import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accounts, bookings, pushTokens } from '../../db/schema';
import { BEARER_SECURITY } from '../../lib/auth/auth';
import { Conflict, problemResponses } from '../../lib/errors';
import { bookingSchema } from '../bookings/bookings.routes';
import { audit, latestPayment, memberBookings } from '../bookings/bookings.repository';
import { presentBooking } from '../bookings/bookings.service';
import type { MarketplaceContext } from '../marketplace-context';

const auth401 = { 401: 'No valid access token.' };

export const meRoutes: FastifyPluginAsyncZod<MarketplaceContext> = async (app, ctx) => {
  const { auth, db } = ctx;

  app.get(
    '/me/bookings',
    {
      schema: {
        tags: ['me'],
        summary: 'My bookings, latest first',
        security: BEARER_SECURITY,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({ items: z.array(bookingSchema) }),
          ...problemResponses({ 400: 'Invalid limit.', ...auth401 }),
        },
      },
    },
    async (request) => {
      const caller = await auth.require(request);
      const rows = await memberBookings(db, caller.accountId, request.query.limit);
      const items = await Promise.all(
        rows.map(async (row) => presentBooking(row, await latestPayment(db, row.booking.id))),
      );
      return { items };
    },
  );

  app.post(
    '/me/push-tokens',
    {
      schema: {
        tags: ['me'],
        summary: 'Register this device for reminders',
        description: 'An Expo push token; registering it again moves it to the caller.',
        security: BEARER_SECURITY,
        body: z.object({
          token: z
            .string()
            .regex(/^(Expo|Exponent)PushToken\[[^\]]+\]$/, 'must be an Expo push token'),
          platform: z.enum(['ios', 'android', 'web']),
        }),
        response: { 204: z.null(), ...problemResponses({ 400: 'Invalid token.', ...auth401 }) },
      },
    },
    async (request, reply) => {
      const caller = await auth.require(request);
      await db
        .insert(pushTokens)
        .values({ ...request.body, accountId: caller.accountId })
        .onConflictDoUpdate({
          target: pushTokens.token,
          set: { accountId: caller.accountId, platform: request.body.platform },
        });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Delete my account',
        description:
          'Removes the account, its push tokens and, for a practitioner, nothing that a member ' +
          'still needs: practitioners with upcoming sessions must cancel them first. Past bookings ' +
          'stay without the member’s identity; payment records are kept as the law requires.',
        security: BEARER_SECURITY,
        response: {
          204: z.null(),
          ...problemResponses({ ...auth401, 409: 'Upcoming sessions must be cancelled first.' }),
        },
      },
    },
    async (request, reply) => {
      const caller = await auth.require(request);
      const now = new Date(ctx.now());
      await db.transaction(async (tx) => {
        const upcoming = await tx
          .select({ id: bookings.id })
          .from(bookings)
          .where(
            and(
              eq(bookings.memberId, caller.accountId),
              inArray(bookings.status, ['held', 'confirmed']),
              sql`${bookings.endsAt} > ${now.toISOString()}::timestamptz`,
            ),
          )
          .limit(1);
        if (upcoming.length > 0) {
          throw new Conflict('Cancel your upcoming sessions before deleting your account.', {
            code: 'upcoming_bookings',
          });
        }
        await audit(tx, {
          actorId: null,
          entity: 'account',
          entityId: caller.accountId,
          action: 'deleted',
        });
        // bookings.member_id and reviews.member_id are set null by their foreign keys.
        await tx.delete(accounts).where(eq(accounts.id, caller.accountId));
      });
      return reply.status(204).send(null);
    },
  );
};
