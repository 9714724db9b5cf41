import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BEARER_SECURITY } from '../../lib/auth/auth';
import { BadRequest, problemResponses } from '../../lib/errors';
import type { MarketplaceContext } from '../marketplace-context';
import { isTimeZone } from '../meta/meta.service';
import {
  decodeCursor,
  directoryPage,
  practitionerProfile,
  practitionerSlots,
} from './practitioners.service';

const DAY_MS = 86_400_000;
const MAX_SLOT_RANGE_DAYS = 62;

const timeZoneParam = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
  .default('UTC')
  .meta({ description: 'IANA zone the local times are written in.', examples: ['Europe/Paris'] });

const cents = z.coerce.number().int().min(0).max(10_000_000);

const directoryQuery = z
  .object({
    specialty: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .meta({ examples: ['anxiety'] }),
    language: z
      .string()
      .min(2)
      .max(12)
      .optional()
      .meta({ examples: ['en'] }),
    minPrice: cents.optional().describe('Lowest session price, in cents.'),
    maxPrice: cents.optional().describe('Highest session price, in cents.'),
    length: z.coerce
      .number()
      .int()
      .min(10)
      .max(240)
      .optional()
      .describe('Session length in minutes.'),
    availableWithinDays: z.coerce.number().int().min(1).max(60).optional(),
    q: z.string().trim().min(1).max(100).optional().describe('Words from the name or bio.'),
    sort: z.enum(['next_availability', 'price', 'rating']).default('next_availability'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(200).optional().describe('`nextCursor` from the previous page.'),
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    path: ['minPrice'],
    message: 'must not exceed maxPrice',
  });

const practitionerSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  headline: z.string(),
  photoUrl: z.string().nullable(),
  timeZone: z.string(),
  languages: z.array(z.string()),
  specialties: z.array(z.string()),
  fromPriceCents: z.number().int().nullable(),
  currency: z.string().nullable(),
  sessionMinutes: z.array(z.number().int()),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  nextAvailableAt: z.iso.datetime().nullable(),
});

const directorySchema = z
  .object({ items: z.array(practitionerSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'PractitionerDirectoryPage' });

const slotSchema = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  localStart: z.iso.datetime({ offset: true }).describe('The start on the viewer’s wall clock.'),
  localEnd: z.iso.datetime({ offset: true }),
});

const sessionTypeSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  priceCents: z.number().int(),
  currency: z.string(),
  cancellationWindowHours: z.number().int(),
});

const profileSchema = practitionerSummary
  .extend({
    bio: z.string(),
    status: z.enum(['applied', 'verified', 'rejected', 'suspended']),
    certifications: z.array(
      z.object({
        name: z.string(),
        issuer: z.string(),
        year: z.number().int(),
        verified: z.boolean().describe('Checked by Exhale.'),
      }),
    ),
    sessionTypes: z.array(sessionTypeSchema),
    reviews: z.array(
      z.object({
        rating: z.number().int(),
        comment: z.string(),
        authorName: z.string().nullable(),
        createdAt: z.iso.datetime(),
      }),
    ),
    nextSlots: z.array(slotSchema),
  })
  .meta({ id: 'PractitionerProfile' });

const slotsQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    tz: timeZoneParam,
    sessionTypeId: z.uuid().optional().describe('Defaults to the shortest session offered.'),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be after from',
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SLOT_RANGE_DAYS * DAY_MS, {
    path: ['to'],
    message: `must be at most ${MAX_SLOT_RANGE_DAYS} days after from`,
  });

const slotsSchema = z
  .object({
    sessionTypeId: z.uuid(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    slots: z.array(slotSchema),
  })
  .meta({ id: 'PractitionerSlots' });

const idParams = z.object({ id: z.uuid() });
const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const practitionersRoutes: FastifyPluginAsyncZod<MarketplaceContext> = async (app, ctx) => {
  const { db, auth, now } = ctx;

  app.get(
    '/practitioners',
    {
      schema: {
        tags: ['practitioners'],
        summary: 'Browse verified practitioners',
        description:
          'Filters combine with AND. Prices are in the session’s own minor unit. ' +
          'Pages are keyset-paginated: pass `nextCursor` back as `cursor` with the same sort.',
        querystring: directoryQuery,
        response: {
          200: directorySchema,
          ...problemResponses({ 400: 'A filter or the cursor is invalid.' }),
        },
      },
      // The busiest public read: its handler builds every field from typed rows (the type
      // provider checks that shape at compile time), so the per-response zod encode is
      // skipped. The schema above still documents the response.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const q = request.query;
      const after = q.cursor ? decodeCursor(q.cursor) : undefined;
      if (after === null || (after && after.sort !== q.sort)) {
        throw new BadRequest('The cursor is not one this listing issued with this sort.', {
          code: 'invalid_cursor',
        });
      }
      const page = await directoryPage(db, {
        specialty: q.specialty,
        language: q.language,
        minPriceCents: q.minPrice,
        maxPriceCents: q.maxPrice,
        sessionMinutes: q.length,
        availableBefore:
          q.availableWithinDays === undefined
            ? undefined
            : new Date(now() + q.availableWithinDays * DAY_MS),
        query: q.q,
        sort: q.sort,
        limit: q.limit,
        after,
      });
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((row) => ({
          id: row.id,
          displayName: row.displayName,
          headline: row.headline,
          photoUrl: row.photoUrl,
          timeZone: row.timeZone,
          languages: row.languages,
          specialties: row.specialties,
          fromPriceCents: row.fromPriceCents,
          currency: row.currency,
          sessionMinutes: row.sessionMinutes,
          rating: { average: row.ratingAverage, count: row.ratingCount },
          nextAvailableAt: iso(row.nextAvailableAt),
        })),
      };
    },
  );

  app.get(
    '/practitioners/:id',
    {
      schema: {
        tags: ['practitioners'],
        summary: 'A practitioner’s profile',
        description: 'Certifications, sessions, reviews and the next open slots in `tz`.',
        params: idParams,
        querystring: z.object({ tz: timeZoneParam }),
        security: [{}, ...BEARER_SECURITY],
        response: {
          200: profileSchema,
          ...problemResponses({
            400: 'Invalid id or zone.',
            404: 'No listed practitioner has this id.',
          }),
        },
      },
    },
    async (request) => {
      const caller = await auth.optional(request);
      const profile = await practitionerProfile(
        db,
        request.params.id,
        caller,
        request.query.tz,
        now(),
      );
      const p = profile.practitioner;
      const cheapest = [...profile.sessionTypes].sort((a, b) => a.priceCents - b.priceCents)[0];
      return {
        id: p.id,
        displayName: p.displayName,
        headline: p.headline,
        bio: p.bio,
        status: p.status,
        photoUrl: p.photoUrl,
        timeZone: p.timeZone,
        languages: p.languages,
        specialties: p.specialties,
        fromPriceCents: p.minPriceCents,
        currency: cheapest?.currency ?? null,
        sessionMinutes: [...new Set(profile.sessionTypes.map((t) => t.durationMinutes))],
        rating: { average: p.ratingAverage, count: p.ratingCount },
        nextAvailableAt: iso(p.nextAvailableAt),
        certifications: profile.certifications
          .filter((c) => c.status !== 'rejected')
          .map((c) => ({
            name: c.name,
            issuer: c.issuer,
            year: c.year,
            verified: c.status === 'verified',
          })),
        sessionTypes: profile.sessionTypes.map((t) => ({
          id: t.id,
          title: t.title,
          description: t.description,
          durationMinutes: t.durationMinutes,
          priceCents: t.priceCents,
          currency: t.currency,
          cancellationWindowHours: t.cancellationWindowHours,
        })),
        reviews: profile.reviews.map((r) => ({
          rating: r.rating,
          comment: r.comment,
          authorName: r.authorName,
          createdAt: r.createdAt.toISOString(),
        })),
        nextSlots: profile.nextSlots,
      };
    },
  );

  app.get(
    '/practitioners/:id/slots',
    {
      schema: {
        tags: ['practitioners'],
        summary: 'Open slots in a time range',
        description:
          'Computed from the weekly rules (on the practitioner’s wall clock), buffers, minimum ' +
          'notice, booking horizon, time off and live bookings; times are also given on the ' +
          'viewer’s wall clock in `tz`. At most 62 days per request.',
        params: idParams,
        querystring: slotsQuery,
        security: [{}, ...BEARER_SECURITY],
        response: {
          200: slotsSchema,
          ...problemResponses({
            400: 'Invalid id, range or zone.',
            404: 'No listed practitioner or session with this id.',
          }),
        },
      },
    },
    async (request) => {
      const caller = await auth.optional(request);
      return practitionerSlots(db, {
        practitionerId: request.params.id,
        sessionTypeId: request.query.sessionTypeId,
        from: Date.parse(request.query.from),
        to: Date.parse(request.query.to),
        timeZone: request.query.tz,
        caller,
        now: now(),
      });
    },
  );
};
