import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { APP_NAME, APP_VERSION } from '../../lib/app-info';
import { problemResponses } from '../../lib/errors';
import { isTimeZone, zonedTime } from './meta.service';

const metaSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    database: z.enum(['pglite', 'postgres']),
    docs: z.string().describe('Interactive API documentation.'),
    openapi: z.string().describe('The OpenAPI 3.1 document.'),
  })
  .meta({
    examples: [
      {
        name: APP_NAME,
        version: '0.1.0',
        database: 'postgres',
        docs: '/docs',
        openapi: '/openapi.json',
      },
    ],
  });

const timeQuerySchema = z.object({
  tz: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .default('UTC')
    .meta({ description: 'IANA time zone name.', examples: ['Europe/Paris'] }),
});

const timeSchema = z
  .object({
    timeZone: z.string().describe('The zone, as requested.'),
    localTime: z.iso
      .datetime({ offset: true })
      .describe('ISO 8601 wall-clock time in the zone, with its offset.'),
    utcTime: z.iso.datetime().describe('The same instant in UTC.'),
    utcOffset: z.string().describe('The zone offset at this instant, e.g. +01:00.'),
  })
  .meta({
    examples: [
      {
        timeZone: 'Europe/Paris',
        localTime: '2025-11-25T10:15:30.123+01:00',
        utcTime: '2025-11-25T09:15:30.123Z',
        utcOffset: '+01:00',
      },
    ],
  });

export const metaRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/meta',
    {
      schema: {
        tags: ['meta'],
        summary: 'About this API',
        response: { 200: metaSchema },
      },
    },
    () => ({
      name: APP_NAME,
      version: APP_VERSION,
      database: db.kind,
      docs: '/docs',
      openapi: '/openapi.json',
    }),
  );

  app.get(
    '/time',
    {
      schema: {
        tags: ['meta'],
        summary: 'Server time in a time zone',
        description: 'Lets a client check its clock and zone handling against the server.',
        querystring: timeQuerySchema,
        response: {
          200: timeSchema,
          ...problemResponses({ 400: 'The `tz` query parameter is not a known time zone.' }),
        },
      },
    },
    (request) => zonedTime(new Date(), request.query.tz),
  );
};
