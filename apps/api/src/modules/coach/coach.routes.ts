import {
  feedbackRequestSchema,
  feedbackResponseSchema,
  onboardingTurnRequestSchema,
  onboardingTurnResponseSchema,
  sessionPlanRequestSchema,
  sessionPlanResponseSchema,
  type Random,
} from '@exhale/core/coach';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Env } from '../../env';
import type { ServerAnalytics } from '../../lib/analytics/server-analytics';
import { problemResponses, sendProblem } from '../../lib/errors';
import type { LlmProvider } from '../../lib/llm/llm-provider';
import type { CounterStore } from '../../lib/rate-limit/counter-store';
import { RequestLimits, TokenBudget, TooManyRequests } from '../../lib/rate-limit/limits';
import { CoachService, finalResponse, type CoachRun, type FallbackReason } from './coach.service';
import { clientGone, EVENT_STREAM, sendEventStream, sseEvent, wantsEventStream } from './sse';

export type CoachRoutesOptions = {
  env: Pick<
    Env,
    'COACH_RATE_LIMIT_PER_DEVICE' | 'COACH_RATE_LIMIT_PER_IP' | 'COACH_DAILY_TOKEN_BUDGET'
  >;
  counters: CounterStore;
  llm: LlmProvider | undefined;
  /** Opt-in product analytics (a no-op without POSTHOG_KEY); nothing personal goes in. */
  analytics?: ServerAnalytics;
  now?: () => number;
  random?: Random;
};

type CoachKind = 'onboarding' | 'session_plan' | 'feedback';
type CoachOutcome = { source: 'model' | 'scripted'; fallbackReason?: string };

export const DEVICE_ID_HEADER = 'x-device-id';
// The app makes a random id (a UUID fits); it is a counter key, so only plain ones are taken.
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

const headersSchema = z.object({
  [DEVICE_ID_HEADER]: z
    .string({ error: 'is required: a random id the app makes once per install' })
    .regex(DEVICE_ID, 'must be 16-64 letters, digits, "-" or "_"')
    .meta({ description: 'A random id the app makes once per install; rate limits count by it.' }),
});

// Names and notes stay on the device. The request schemas are strict already; this says
// so plainly, for any field of that name however deep.
const PERSONAL_KEY = /name$|^notes?$/i;

function personalDataPaths(value: unknown, path: string[] = ['body']): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(PERSONAL_KEY.test(key) ? [[...path, key].join('.')] : []),
    ...personalDataPaths(child, [...path, key]),
  ]);
}

const SSE_DESCRIPTION =
  'With `Accept: text/event-stream`: Server-Sent Events. `delta` {text} adds text as it is ' +
  'written; `retry` {reason} and `fallback` {reason} mean "discard the text so far"; the ' +
  'stream always ends with one `done` event holding the full response, as in the JSON answer.';

const limitProblems = problemResponses({
  400: 'Invalid body or `x-device-id`, or a name or note was sent (`personal_data_rejected`).',
  429: 'Too many requests from this device or network (`rate_limited`), or today’s model budget is spent (`token_budget_exhausted`). See `retry-after`.',
});

function streamedResponse(schema: z.ZodType) {
  return {
    description: 'The coach’s answer.',
    content: {
      'application/json': { schema },
      [EVENT_STREAM]: { schema: z.string().describe(SSE_DESCRIPTION) },
    },
  };
}

async function* serverSentEvents<T>(run: CoachRun<T>): AsyncGenerator<string> {
  // A comment line first: Node holds the headers back until the first body byte, and the
  // client (and any proxy) should know at once that the stream is open.
  yield ': coach\n\n';
  for (;;) {
    const next = await run.next();
    if (next.done) {
      yield sseEvent('done', next.value);
      return;
    }
    const { type, ...data } = next.value;
    yield sseEvent(type, data);
  }
}

export const coachRoutes: FastifyPluginAsyncZod<CoachRoutesOptions> = async (app, options) => {
  const { env, counters, llm, now, random } = options;
  const analytics = options.analytics;
  const limits = new RequestLimits(counters, {
    perDevicePerMinute: env.COACH_RATE_LIMIT_PER_DEVICE,
    perIpPerMinute: env.COACH_RATE_LIMIT_PER_IP,
    now,
  });
  const budget = new TokenBudget(counters, env.COACH_DAILY_TOKEN_BUDGET, now);
  const coach = new CoachService({ llm, budget, random });

  // Counted before the body is even read, so a flood costs as little as possible.
  app.addHook('onRequest', async (request, reply) => {
    const deviceId = request.headers[DEVICE_ID_HEADER];
    try {
      await limits.check('coach', {
        ip: request.ip,
        deviceId: typeof deviceId === 'string' && DEVICE_ID.test(deviceId) ? deviceId : undefined,
      });
      if (coach.modelConfigured) await budget.assertAvailable();
    } catch (error) {
      if (error instanceof TooManyRequests) {
        reply.header('retry-after', String(error.retryAfterSeconds));
        analytics?.capture({ name: 'coach_limited', properties: { limit: error.limit } });
      }
      throw error;
    }
  });

  app.addHook('preValidation', async (request, reply) => {
    const paths = personalDataPaths(request.body);
    if (paths.length === 0) return;
    return sendProblem(request, reply, {
      status: 400,
      code: 'personal_data_rejected',
      detail: 'Names and notes stay on the device; send the {{name}} placeholder instead.',
      errors: paths.map((path) => ({ path, message: 'must not be sent' })),
    });
  });

  const answer = <T extends CoachOutcome>(
    kind: CoachKind,
    request: FastifyRequest,
    reply: FastifyReply,
    start: (stream: boolean, signal: AbortSignal) => CoachRun<T>,
    streamable: boolean,
  ) => {
    const stream = streamable && wantsEventStream(request);
    const run = reported(kind, start(stream, clientGone(reply)));
    if (!stream) return finalResponse(run);
    sendEventStream(reply, serverSentEvents(run));
  };

  /** The run unchanged, with who answered (model or script, and why) counted at its end. */
  async function* reported<T extends CoachOutcome>(kind: CoachKind, run: CoachRun<T>): CoachRun<T> {
    const response = yield* run;
    analytics?.capture({
      name: 'coach_replied',
      properties: {
        kind,
        source: response.source,
        fallback_reason: (response.fallbackReason as FallbackReason | undefined) ?? 'none',
      },
    });
    return response;
  }

  app.post(
    '/coach/onboarding',
    {
      schema: {
        tags: ['coach'],
        summary: 'One onboarding chat turn',
        description:
          'The conversation so far, the latest message and the profile so far in; the coach’s reply, ' +
          'quick-reply chips, the next step and the updated profile out. The name is never sent: ' +
          'the app sends `{{name}}` and fills it in locally. Only the latest message reaches the model. ' +
          'Crisis language always gets the fixed reply with where to find help (`crisis: true`).',
        headers: headersSchema,
        body: onboardingTurnRequestSchema,
        response: { 200: streamedResponse(onboardingTurnResponseSchema), ...limitProblems },
      },
    },
    (request, reply) =>
      answer(
        'onboarding',
        request,
        reply,
        (stream, signal) =>
          coach.onboardingTurn(request.body, { stream, signal, log: request.log }),
        true,
      ),
  );

  app.post(
    '/coach/session-plan',
    {
      schema: {
        tags: ['coach'],
        summary: 'Introduction and body check-ins for a session',
        description:
          'From the profile and the pattern: an introduction and check-in prompts keyed by breath ' +
          '(First Breath: breaths 4, 10 and 15). The app caches it for offline use.',
        headers: headersSchema,
        body: sessionPlanRequestSchema,
        response: { 200: sessionPlanResponseSchema, ...limitProblems },
      },
    },
    (request, reply) =>
      answer(
        'session_plan',
        request,
        reply,
        (stream, signal) => coach.sessionPlan(request.body, { stream, signal, log: request.log }),
        false,
      ),
  );

  app.post(
    '/coach/feedback',
    {
      schema: {
        tags: ['coach'],
        summary: 'What happened in the session, and why it helps',
        description:
          'From the session summary (no note, no free text): 3-5 sentences, no medical claims.',
        headers: headersSchema,
        body: feedbackRequestSchema,
        response: { 200: streamedResponse(feedbackResponseSchema), ...limitProblems },
      },
    },
    (request, reply) =>
      answer(
        'feedback',
        request,
        reply,
        (stream, signal) => coach.feedback(request.body, { stream, signal, log: request.log }),
        true,
      ),
  );
};
