import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sqlState, UNIQUE_VIOLATION } from '../../db/errors';
import {
  accounts,
  availabilityRules,
  certifications,
  practitioners,
  sessionTypes,
  timeOff,
} from '../../db/schema';
import { BEARER_SECURITY, type Caller } from '../../lib/auth/auth';
import { Conflict, NotFound, ServiceUnavailable, problemResponses } from '../../lib/errors';
import { bookingSchema } from '../bookings/bookings.routes';
import { audit, latestPayment, practitionerBookings } from '../bookings/bookings.repository';
import { presentBooking } from '../bookings/bookings.service';
import type { MarketplaceContext } from '../marketplace-context';
import { isTimeZone } from '../meta/meta.service';
import {
  findPractitionerByAccount,
  refreshOfferSummary,
} from '../practitioners/practitioners.repository';
import { refreshNextAvailability } from '../practitioners/practitioners.service';

// Every route here acts on the caller's own practitioner record: no practitioner id is
// taken from the request, so one practitioner cannot reach another's data.

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time such as 09:30 (24:00 for midnight)');
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris');
const tags = z.array(z.string().trim().toLowerCase().min(1).max(40)).max(12);

const certificationInput = z.object({
  name: z.string().trim().min(2).max(120),
  issuer: z.string().trim().min(2).max(120),
  year: z.number().int().min(1950).max(2100),
  evidenceUrl: z.url({ protocol: /^https$/ }).optional(),
});

const profileFields = {
  headline: z.string().trim().max(140),
  bio: z.string().trim().max(4000),
  photoUrl: z.url({ protocol: /^https$/ }).nullable(),
  timeZone,
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as en'))
    .min(1)
    .max(8),
  specialties: tags,
  bufferBeforeMinutes: z.number().int().min(0).max(240),
  bufferAfterMinutes: z.number().int().min(0).max(240),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60),
  horizonDays: z.number().int().min(1).max(365),
};

const applicationBody = z.object({
  displayName: z.string().trim().min(2).max(80),
  headline: profileFields.headline.default(''),
  bio: profileFields.bio.default(''),
  timeZone,
  languages: profileFields.languages,
  specialties: profileFields.specialties.default([]),
  certifications: z.array(certificationInput).min(1).max(10),
});

const ownProfileSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['applied', 'verified', 'rejected', 'suspended']),
    displayName: z.string(),
    headline: z.string(),
    bio: z.string(),
    photoUrl: z.string().nullable(),
    timeZone: z.string(),
    languages: z.array(z.string()),
    specialties: z.array(z.string()),
    bufferBeforeMinutes: z.number().int(),
    bufferAfterMinutes: z.number().int(),
    minNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    stripeConnected: z.boolean(),
  })
  .meta({ id: 'OwnPractitionerProfile' });

const sessionTypeBody = z.object({
  title: z.string().trim().min(2).max(80),
  description: z.string().trim().max(1000).default(''),
  durationMinutes: z.number().int().min(10).max(240),
  priceCents: z.number().int().min(0).max(1_000_000),
  currency: z.enum(['eur', 'usd', 'gbp']).default('eur'),
  cancellationWindowHours: z.number().int().min(0).max(168).default(24),
});

const sessionTypeSchema = sessionTypeBody.extend({
  id: z.uuid(),
  currency: z.string(),
  active: z.boolean(),
});

const availabilityBody = z.object({
  rules: z
    .array(
      z
        .object({ weekday: z.number().int().min(1).max(7), start: clock, end: clock })
        .refine((rule) => minutesOf(rule.start) < minutesOf(rule.end), {
          path: ['end'],
          message: 'must be after start',
        }),
    )
    .max(50),
});

const idParams = z.object({ id: z.uuid() });
const auth401 = { 401: 'No valid access token.' };
const noProfile = { 404: 'The caller has not applied as a practitioner.' };

function presentOwn(p: typeof practitioners.$inferSelect) {
  return {
    id: p.id,
    status: p.status,
    displayName: p.displayName,
    headline: p.headline,
    bio: p.bio,
    photoUrl: p.photoUrl,
    timeZone: p.timeZone,
    languages: p.languages,
    specialties: p.specialties,
    bufferBeforeMinutes: p.bufferBeforeMinutes,
    bufferAfterMinutes: p.bufferAfterMinutes,
    minNoticeMinutes: p.minNoticeMinutes,
    horizonDays: p.horizonDays,
    stripeConnected: p.stripeAccountId !== null,
  };
}

export const practitionerPortalRoutes: FastifyPluginAsyncZod<MarketplaceContext> = async (
  app,
  ctx,
) => {
  const { db, auth } = ctx;

  async function own(caller: Caller) {
    const practitioner = await findPractitionerByAccount(db, caller.accountId);
    if (!practitioner) {
      throw new NotFound('Apply as a practitioner first.', { code: 'not_a_practitioner' });
    }
    return practitioner;
  }

  const changed = async (practitionerId: string) => {
    await refreshOfferSummary(db, practitionerId);
    await refreshNextAvailability(db, practitionerId, ctx.now());
  };

  app.post(
    '/practitioner/application',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'Apply as a practitioner',
        description:
          'Creates the caller’s profile as `applied`; an admin verifies it before it is listed.',
        security: BEARER_SECURITY,
        body: applicationBody,
        response: {
          201: ownProfileSchema,
          ...problemResponses({ 400: 'Invalid application.', ...auth401, 409: 'Already applied.' }),
        },
      },
    },
    async (request, reply) => {
      const caller = await auth.require(request);
      const { certifications: certs, ...profile } = request.body;
      try {
        const created = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(practitioners)
            .values({ ...profile, accountId: caller.accountId, status: 'applied' })
            .returning();
          await tx
            .insert(certifications)
            .values(certs.map((c) => ({ ...c, practitionerId: row!.id })));
          if (caller.role === 'member') {
            await tx
              .update(accounts)
              .set({ role: 'practitioner' })
              .where(eq(accounts.id, caller.accountId));
          }
          await audit(tx, {
            actorId: caller.accountId,
            entity: 'practitioner',
            entityId: row!.id,
            action: 'applied',
          });
          return row!;
        });
        reply.status(201);
        return presentOwn(created);
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) {
          throw new Conflict('You have already applied.', { code: 'already_applied' });
        }
        throw error;
      }
    },
  );

  app.get(
    '/practitioner/profile',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'My practitioner profile',
        security: BEARER_SECURITY,
        response: { 200: ownProfileSchema, ...problemResponses({ ...auth401, ...noProfile }) },
      },
    },
    async (request) => presentOwn(await own(await auth.require(request))),
  );

  app.patch(
    '/practitioner/profile',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'Edit my profile and booking settings',
        security: BEARER_SECURITY,
        body: z.object(profileFields).partial(),
        response: {
          200: ownProfileSchema,
          ...problemResponses({ 400: 'Invalid field.', ...auth401, ...noProfile }),
        },
      },
    },
    async (request) => {
      const caller = await auth.require(request);
      const practitioner = await own(caller);
      const [updated] = await db
        .update(practitioners)
        .set({ ...request.body, updatedAt: new Date(ctx.now()) })
        .where(eq(practitioners.id, practitioner.id))
        .returning();
      await changed(practitioner.id);
      return presentOwn(updated!);
    },
  );

  app.get(
    '/practitioner/session-types',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'My session types',
        security: BEARER_SECURITY,
        response: {
          200: z.object({ items: z.array(sessionTypeSchema) }),
          ...problemResponses({ ...auth401, ...noProfile }),
        },
      },
    },
    async (request) => {
      const practitioner = await own(await auth.require(request));
      const items = await db
        .select()
        .from(sessionTypes)
        .where(eq(sessionTypes.practitionerId, practitioner.id))
        .orderBy(asc(sessionTypes.durationMinutes));
      return { items };
    },
  );

  app.post(
    '/practitioner/session-types',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'Offer a new session type',
        security: BEARER_SECURITY,
        body: sessionTypeBody,
        response: {
          201: sessionTypeSchema,
          ...problemResponses({ 400: 'Invalid session type.', ...auth401, ...noProfile }),
        },
      },
    },
    async (request, reply) => {
      const practitioner = await own(await auth.require(request));
      const [row] = await db
        .insert(sessionTypes)
        .values({ ...request.body, practitionerId: practitioner.id })
        .returning();
      await changed(practitioner.id);
      reply.status(201);
      return row!;
    },
  );

  app.patch(
    '/practitioner/session-types/:id',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'Change or retire a session type',
        description: 'Existing bookings keep the price and policy they were made with.',
        security: BEARER_SECURITY,
        params: idParams,
        body: sessionTypeBody.partial().extend({ active: z.boolean().optional() }),
        response: {
          200: sessionTypeSchema,
          ...problemResponses({
            400: 'Invalid field.',
            ...auth401,
            404: 'None of my session types has this id.',
          }),
        },
      },
    },
    async (request) => {
      const practitioner = await own(await auth.require(request));
      const [row] = await db
        .update(sessionTypes)
        .set(request.body)
        .where(
          and(
            eq(sessionTypes.id, request.params.id),
            eq(sessionTypes.practitionerId, practitioner.id),
          ),
        )
        .returning();
      if (!row)
        throw new NotFound('None of your session types has this id.', {
          code: 'session_type_not_found',
        });
      await changed(practitioner.id);
      return row;
    },
  );

  app.put(
    '/practitioner/availability',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'Replace my weekly availability',
        description:
          'Times are on my own wall clock (my profile’s time zone); ISO weekdays, 1 = Monday.',
        security: BEARER_SECURITY,
        body: availabilityBody,
        response: {
          200: availabilityBody,
          ...problemResponses({ 400: 'Invalid rule.', ...auth401, ...noProfile }),
        },
      },
    },
    async (request) => {
      const practitioner = await own(await auth.require(request));
      await db.transaction(async (tx) => {
        await tx
          .delete(availabilityRules)
          .where(eq(availabilityRules.practitionerId, practitioner.id));
        if (request.body.rules.length > 0) {
          await tx.insert(availabilityRules).values(
            request.body.rules.map((rule) => ({
              practitionerId: practitioner.id,
              weekday: rule.weekday,
              startMinute: minutesOf(rule.start),
              endMinute: minutesOf(rule.end),
            })),
          );
        }
      });
      await changed(practitioner.id);
      return request.body;
    },
  );

  app.post(
    '/practitioner/time-off',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'Block time off',
        description: 'Existing bookings in that time stay; cancel them separately.',
        security: BEARER_SECURITY,
        body: z
          .object({
            start: z.iso.datetime({ offset: true }),
            end: z.iso.datetime({ offset: true }),
            reason: z.string().trim().max(200).optional(),
          })
          .refine((body) => Date.parse(body.start) < Date.parse(body.end), {
            path: ['end'],
            message: 'must be after start',
          }),
        response: {
          201: z.object({ id: z.uuid() }),
          ...problemResponses({ 400: 'Invalid range.', ...auth401, ...noProfile }),
        },
      },
    },
    async (request, reply) => {
      const practitioner = await own(await auth.require(request));
      const [row] = await db
        .insert(timeOff)
        .values({
          practitionerId: practitioner.id,
          startsAt: new Date(request.body.start),
          endsAt: new Date(request.body.end),
          reason: request.body.reason,
        })
        .returning({ id: timeOff.id });
      await changed(practitioner.id);
      reply.status(201);
      return row!;
    },
  );

  app.delete(
    '/practitioner/time-off/:id',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'Remove time off',
        security: BEARER_SECURITY,
        params: idParams,
        response: {
          204: z.null(),
          ...problemResponses({ ...auth401, 404: 'None of my time off has this id.' }),
        },
      },
    },
    async (request, reply) => {
      const practitioner = await own(await auth.require(request));
      const removed = await db
        .delete(timeOff)
        .where(and(eq(timeOff.id, request.params.id), eq(timeOff.practitionerId, practitioner.id)))
        .returning({ id: timeOff.id });
      if (removed.length === 0)
        throw new NotFound('None of your time off has this id.', { code: 'time_off_not_found' });
      await changed(practitioner.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/practitioner/bookings',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'My upcoming bookings',
        security: BEARER_SECURITY,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
        response: {
          200: z.object({ items: z.array(bookingSchema) }),
          ...problemResponses({ ...auth401, ...noProfile }),
        },
      },
    },
    async (request) => {
      const practitioner = await own(await auth.require(request));
      const rows = await practitionerBookings(
        db,
        practitioner.id,
        new Date(ctx.now()),
        request.query.limit,
      );
      return {
        items: await Promise.all(
          rows.map(async (row) => presentBooking(row, await latestPayment(db, row.booking.id))),
        ),
      };
    },
  );

  app.post(
    '/practitioner/stripe/onboarding-link',
    {
      schema: {
        tags: ['practitioner'],
        summary: 'A Stripe Connect onboarding link',
        description:
          'Creates my Express account on first use; the link brings me back to `returnUrl`.',
        security: BEARER_SECURITY,
        body: z.object({ returnUrl: z.url({ protocol: /^https?$/ }) }),
        response: {
          200: z.object({ url: z.string() }),
          ...problemResponses({
            400: 'Invalid URL.',
            ...auth401,
            ...noProfile,
            502: 'Stripe failed.',
            503: 'Payments are not configured.',
          }),
        },
      },
    },
    async (request) => {
      const caller = await auth.require(request);
      const practitioner = await own(caller);
      if (!ctx.payments) {
        throw new ServiceUnavailable('Payments are not configured on this server.', {
          code: 'payments_unconfigured',
        });
      }
      const link = await ctx.payments.onboardingLink({
        accountId: practitioner.stripeAccountId,
        email: caller.email,
        returnUrl: request.body.returnUrl,
      });
      if (link.accountId !== practitioner.stripeAccountId) {
        await db
          .update(practitioners)
          .set({ stripeAccountId: link.accountId })
          .where(eq(practitioners.id, practitioner.id));
      }
      return { url: link.url };
    },
  );
};
