import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { APP_VERSION } from '../../lib/app-info';
import { problemResponses, ServiceUnavailable } from '../../lib/errors';

/** Probes run every few seconds; a slow database must fail the probe, not hang it. */
export const READY_TIMEOUT_MS = 1000;

const healthSchema = z
  .object({
    status: z.literal('ok'),
    uptimeSeconds: z.number().nonnegative().describe('Seconds since the process started.'),
    version: z.string(),
  })
  .meta({ examples: [{ status: 'ok', uptimeSeconds: 3600, version: '0.1.0' }] });

const readySchema = z
  .object({
    status: z.literal('ready'),
    database: z.enum(['pglite', 'postgres']),
  })
  .meta({ examples: [{ status: 'ready', database: 'postgres' }] });

export const healthRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness',
        description: 'Answers 200 while the process can serve requests; it checks nothing else.',
        response: { 200: healthSchema },
      },
    },
    (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        status: 'ok' as const,
        uptimeSeconds: Math.round(process.uptime()),
        version: APP_VERSION,
      };
    },
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness',
        description: `Answers 200 when the database answers \`select 1\` within ${READY_TIMEOUT_MS} ms, else 503.`,
        response: {
          200: readySchema,
          ...problemResponses({ 503: 'The database did not answer (`database_unavailable`).' }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await db.ping(READY_TIMEOUT_MS);
      } catch (cause) {
        throw new ServiceUnavailable('The database did not answer.', {
          code: 'database_unavailable',
          cause,
        });
      }
      return { status: 'ready' as const, database: db.kind };
    },
  );
};
