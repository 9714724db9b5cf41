import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Database } from './db/client';
import type { Env } from './env';
import { APP_NAME, APP_VERSION } from './lib/app-info';
import { errorHandler, sendNotFound } from './lib/errors';
import { createLlmProvider } from './lib/llm/create-llm-provider';
import { createAuth } from './lib/auth/auth';
import { authMode, createTokenVerifier } from './lib/auth/token-verifier';
import { createLogger } from './lib/logger';
import { createPaymentProvider } from './lib/payments/create-payment-provider';
import { createCounterStore } from './lib/rate-limit/create-counter-store';
import { registerWebBuild } from './lib/web-build';
import { adminRoutes } from './modules/admin/admin.routes';
import { devAuthRoutes } from './modules/auth/dev-auth.routes';
import { bookingsRoutes } from './modules/bookings/bookings.routes';
import { stripeWebhookRoutes } from './modules/bookings/stripe-webhook.routes';
import { coachRoutes } from './modules/coach/coach.routes';
import { createServerAnalytics, type ServerAnalytics } from './lib/analytics/server-analytics';
import { healthRoutes } from './modules/health/health.routes';
import type { MarketplaceContext } from './modules/marketplace-context';
import { meRoutes } from './modules/me/me.routes';
import { metaRoutes } from './modules/meta/meta.routes';
import { practitionerPortalRoutes } from './modules/practitioner-portal/practitioner-portal.routes';
import { practitionersRoutes } from './modules/practitioners/practitioners.routes';

export type BuildAppOptions = {
  env: Env;
  db: Database;
  /** Defaults to a pino logger at env.LOG_LEVEL writing to stdout. */
  logger?: Logger;
  /** Tests fix the coach's clock (rate-limit windows, budget day) and its wording. */
  coach?: { now?: () => number; random?: () => number };
  /** Tests fix the marketplace's clock (slots, holds, join windows). */
  marketplace?: { now?: () => number };
  /** Defaults to PostHog when POSTHOG_KEY is set, a no-op otherwise; tests record events. */
  analytics?: ServerAnalytics;
};

export const REQUEST_ID_HEADER = 'x-request-id';

// An incoming id is logged and echoed, so only short, plain ones are trusted.
const SAFE_REQUEST_ID = /^[\w.:/+=@-]{1,128}$/;
const PROBE_PATHS = new Set(['/health', '/ready']);

export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** A configured, not yet started, API. Callers `listen()` or `inject()`, then `close()`. */
export function buildApp({
  env,
  db,
  logger = createLogger(env),
  coach,
  marketplace,
  analytics: givenAnalytics,
}: BuildAppOptions) {
  const app = Fastify({
    // Typed as Fastify's logger so plugins written against FastifyInstance accept this app.
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // One access line per request, written in onResponse below, instead of Fastify's two.
      disableRequestLogging: true,
    }),
    requestIdHeader: false,
    genReqId: requestIdFor,
    // Behind load balancers the client's address (for per-IP limits) is in X-Forwarded-For,
    // TRUST_PROXY_HOPS entries from the right.
    trustProxy: env.TRUST_PROXY_HOPS > 0 ? (_address, hop) => hop < env.TRUST_PROXY_HOPS : false,
    // Errors raised before routing (e.g. a malformed URL) skip setErrorHandler otherwise.
    frameworkErrors: errorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    // Load balancers probe every few seconds; those lines would drown everything else.
    if (PROBE_PATHS.has(request.url)) return;
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: APP_NAME,
        version: APP_VERSION,
        description:
          'Errors are RFC 9457 `application/problem+json` bodies with a stable `code`. ' +
          'Every response carries an `x-request-id` header (an incoming one is reused).',
      },
      servers: env.PUBLIC_URL ? [{ url: env.PUBLIC_URL }] : [],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'A Supabase access token (or, in development, one from /v1/dev/sign-in).',
          },
        },
      },
      tags: [
        { name: 'health', description: 'Liveness and readiness probes' },
        { name: 'meta', description: 'About the API itself' },
        { name: 'practitioners', description: 'The directory of verified practitioners' },
        {
          name: 'bookings',
          description: 'Holding, paying for, cancelling, moving and joining sessions',
        },
        { name: 'me', description: 'The signed-in account' },
        {
          name: 'practitioner',
          description: 'A practitioner’s own profile, sessions and calendar',
        },
        {
          name: 'admin',
          description: 'Verification, suspension, bookings and refunds (admins only)',
        },
        { name: 'webhooks', description: 'Called by providers, not by apps' },
        {
          name: 'development',
          description: 'DEVELOPMENT ONLY: absent with Supabase configured or in production',
        },
        {
          name: 'coach',
          description:
            'The AI coach (scripted when no model is configured). Every call needs an `x-device-id` ' +
            'header; limits per device, per IP and a daily token budget answer 429.',
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.register(healthRoutes, { db });
  app.register(metaRoutes, { prefix: '/v1', db });

  // Shared by every replica when REDIS_URL is set; connected before the first request.
  const counters = createCounterStore(env, app.log, coach?.now);
  app.addHook('onReady', () => counters.connect());
  app.addHook('onClose', () => counters.close());
  const analytics =
    givenAnalytics ??
    createServerAnalytics({
      apiKey: env.POSTHOG_KEY,
      host: env.POSTHOG_HOST,
      warn: (message) => app.log.warn(message),
    });
  app.addHook('onClose', () => analytics.shutdown());
  app.register(coachRoutes, {
    prefix: '/v1',
    env,
    counters,
    llm: createLlmProvider(env),
    analytics,
    ...coach,
  });

  const marketplaceContext: MarketplaceContext = {
    env,
    db: db.db,
    auth: createAuth(createTokenVerifier(env), db.db),
    payments: createPaymentProvider(env),
    now: marketplace?.now ?? Date.now,
    analytics,
  };
  if (authMode(env) === 'development') {
    app.register(devAuthRoutes, { prefix: '/v1', ...marketplaceContext });
  }
  app.register(practitionersRoutes, { prefix: '/v1', ...marketplaceContext });
  app.register(bookingsRoutes, { prefix: '/v1', ...marketplaceContext });
  app.register(meRoutes, { prefix: '/v1', ...marketplaceContext });
  app.register(practitionerPortalRoutes, { prefix: '/v1', ...marketplaceContext });
  app.register(adminRoutes, { prefix: '/v1', ...marketplaceContext });
  app.register(stripeWebhookRoutes, { prefix: '/v1', ...marketplaceContext });

  const web = registerWebBuild(app, env.WEB_DIST_DIR);
  app.setNotFoundHandler((request, reply) => {
    if (web.serveFallback(request, reply)) return reply;
    return sendNotFound(request, reply);
  });

  return app;
}

export type App = ReturnType<typeof buildApp>;
