import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bookings, certifications, payments, practitioners, refunds } from '../../db/schema';
import { BEARER_SECURITY } from '../../lib/auth/auth';
import { Conflict, NotFound, problemResponses } from '../../lib/errors';
import { bookingSchema } from '../bookings/bookings.routes';
import { audit, bookingsWithNames, latestPayment } from '../bookings/bookings.repository';
import { presentBooking } from '../bookings/bookings.service';
import type { MarketplaceContext } from '../marketplace-context';
import { refreshNextAvailability } from '../practitioners/practitioners.service';

const STATUSES = ['applied', 'verified', 'rejected', 'suspended'] as const;
const idParams = z.object({ id: z.uuid() });
const adminOnly = { 401: 'No valid access token.', 403: 'Only admins may do this.' };

const queueItem = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    status: z.enum(STATUSES),
    timeZone: z.string(),
    createdAt: z.iso.datetime(),
    certifications: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        issuer: z.string(),
        year: z.number().int(),
        evidenceUrl: z.string().nullable(),
        status: z.enum(['pending', 'verified', 'rejected']),
      }),
    ),
  })
  .meta({ id: 'AdminPractitioner' });

// Which status each decision may start from: a rejected applicant can be verified later,
// a suspended practitioner reinstated; nobody is suspended before being verified.
const TRANSITIONS = {
  verify: { to: 'verified', from: ['applied', 'rejected', 'suspended'] },
  reject: { to: 'rejected', from: ['applied'] },
  suspend: { to: 'suspended', from: ['verified'] },
} as const;

export const adminRoutes: FastifyPluginAsyncZod<MarketplaceContext> = async (app, ctx) => {
  const { db, auth } = ctx;

  app.get(
    '/admin/practitioners',
    {
      schema: {
        tags: ['admin'],
        summary: 'Practitioners by status (the verification queue by default)',
        security: BEARER_SECURITY,
        querystring: z.object({
          status: z.enum(STATUSES).default('applied'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(queueItem) }),
          ...problemResponses({ 400: 'Invalid filter.', ...adminOnly }),
        },
      },
    },
    async (request) => {
      await auth.requireRole(request, 'admin');
      const rows = await db
        .select()
        .from(practitioners)
        .where(eq(practitioners.status, request.query.status))
        .orderBy(practitioners.createdAt)
        .limit(request.query.limit);
      const certs =
        rows.length === 0
          ? []
          : await db
              .select()
              .from(certifications)
              .where(
                inArray(
                  certifications.practitionerId,
                  rows.map((row) => row.id),
                ),
              );
      return {
        items: rows.map((row) => ({
          id: row.id,
          displayName: row.displayName,
          status: row.status,
          timeZone: row.timeZone,
          createdAt: row.createdAt.toISOString(),
          certifications: certs
            .filter((cert) => cert.practitionerId === row.id)
            .map((cert) => ({
              id: cert.id,
              name: cert.name,
              issuer: cert.issuer,
              year: cert.year,
              evidenceUrl: cert.evidenceUrl,
              status: cert.status,
            })),
        })),
      };
    },
  );

  for (const [action, transition] of Object.entries(TRANSITIONS)) {
    app.post(
      `/admin/practitioners/:id/${action}`,
      {
        schema: {
          tags: ['admin'],
          summary: `${action[0]!.toUpperCase()}${action.slice(1)} a practitioner`,
          description:
            action === 'verify'
              ? 'Lists the practitioner and marks their pending certifications verified by the caller.'
              : action === 'suspend'
                ? 'Removes the practitioner from the directory at once; existing bookings stay.'
                : 'Declines the application.',
          security: BEARER_SECURITY,
          params: idParams,
          body: z.object({ reason: z.string().trim().max(500).optional() }).nullish(),
          response: {
            200: z.object({ id: z.uuid(), status: z.enum(STATUSES) }),
            ...problemResponses({
              ...adminOnly,
              404: 'No practitioner with this id.',
              409: `Only ${transition.from.join(' or ')} practitioners can be given this decision.`,
            }),
          },
        },
      },
      async (request) => {
        const caller = await auth.requireRole(request, 'admin');
        const now = new Date(ctx.now());
        const updated = await db.transaction(async (tx) => {
          const [row] = await tx
            .update(practitioners)
            .set({
              status: transition.to,
              updatedAt: now,
              ...(transition.to === 'verified' ? { verifiedAt: now } : {}),
            })
            .where(
              and(
                eq(practitioners.id, request.params.id),
                inArray(practitioners.status, [...transition.from]),
              ),
            )
            .returning({ id: practitioners.id, status: practitioners.status });
          if (!row) return null;
          if (transition.to === 'verified') {
            await tx
              .update(certifications)
              .set({ status: 'verified', verifiedBy: caller.accountId, verifiedAt: now })
              .where(
                and(
                  eq(certifications.practitionerId, row.id),
                  eq(certifications.status, 'pending'),
                ),
              );
          }
          await audit(tx, {
            actorId: caller.accountId,
            entity: 'practitioner',
            entityId: row.id,
            action: transition.to,
            data: { reason: request.body?.reason ?? null },
          });
          return row;
        });
        if (!updated) {
          const [exists] = await db
            .select({ status: practitioners.status })
            .from(practitioners)
            .where(eq(practitioners.id, request.params.id));
          if (!exists)
            throw new NotFound('No practitioner has this id.', { code: 'practitioner_not_found' });
          throw new Conflict(`This practitioner is ${exists.status}.`, {
            code: 'invalid_transition',
          });
        }
        await refreshNextAvailability(db, updated.id, ctx.now());
        return updated;
      },
    );
  }

  app.post(
    '/admin/certifications/:id/reject',
    {
      schema: {
        tags: ['admin'],
        summary: 'Reject one certification',
        description: 'A rejected certification is no longer shown on the profile.',
        security: BEARER_SECURITY,
        params: idParams,
        response: {
          204: z.null(),
          ...problemResponses({ ...adminOnly, 404: 'No certification with this id.' }),
        },
      },
    },
    async (request, reply) => {
      const caller = await auth.requireRole(request, 'admin');
      const [row] = await db
        .update(certifications)
        .set({ status: 'rejected', verifiedBy: caller.accountId, verifiedAt: new Date(ctx.now()) })
        .where(eq(certifications.id, request.params.id))
        .returning({ id: certifications.id });
      if (!row)
        throw new NotFound('No certification has this id.', { code: 'certification_not_found' });
      await audit(db, {
        actorId: caller.accountId,
        entity: 'certification',
        entityId: row.id,
        action: 'rejected',
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/bookings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Bookings, latest first',
        security: BEARER_SECURITY,
        querystring: z.object({
          status: z
            .enum(['held', 'confirmed', 'cancelled', 'completed', 'no_show', 'expired'])
            .optional(),
          practitionerId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(bookingSchema) }),
          ...problemResponses({ 400: 'Invalid filter.', ...adminOnly }),
        },
      },
    },
    async (request) => {
      await auth.requireRole(request, 'admin');
      const conditions: SQL[] = [];
      if (request.query.status) conditions.push(eq(bookings.status, request.query.status));
      if (request.query.practitionerId)
        conditions.push(eq(bookings.practitionerId, request.query.practitionerId));
      const rows = await bookingsWithNames(db)
        .where(and(...conditions))
        .orderBy(desc(bookings.createdAt))
        .limit(request.query.limit);
      return {
        items: await Promise.all(
          rows.map(async (row) => presentBooking(row, await latestPayment(db, row.booking.id))),
        ),
      };
    },
  );

  app.get(
    '/admin/refunds',
    {
      schema: {
        tags: ['admin'],
        summary: 'Refunds, latest first',
        security: BEARER_SECURITY,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                bookingId: z.uuid(),
                providerRefundId: z.string(),
                amountCents: z.number().int(),
                currency: z.string(),
                status: z.string(),
                reason: z.string(),
                createdAt: z.iso.datetime(),
              }),
            ),
          }),
          ...problemResponses({ 400: 'Invalid limit.', ...adminOnly }),
        },
      },
    },
    async (request) => {
      await auth.requireRole(request, 'admin');
      const rows = await db
        .select({ refund: refunds, bookingId: payments.bookingId, currency: payments.currency })
        .from(refunds)
        .innerJoin(payments, eq(payments.id, refunds.paymentId))
        .orderBy(desc(refunds.createdAt))
        .limit(request.query.limit);
      return {
        items: rows.map(({ refund, bookingId, currency }) => ({
          id: refund.id,
          bookingId,
          providerRefundId: refund.providerRefundId,
          amountCents: refund.amountCents,
          currency,
          status: refund.status,
          reason: refund.reason,
          createdAt: refund.createdAt.toISOString(),
        })),
      };
    },
  );
};
