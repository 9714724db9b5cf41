import {
  feedbackRequestSchema,
  feedbackResponseSchema,
  onboardingTurnRequestSchema,
  onboardingTurnResponseSchema,
  sessionPlanRequestSchema,
  sessionPlanResponseSchemaFor,
  type FeedbackRequest,
  type FeedbackResponse,
  type OnboardingTurnRequest,
  type OnboardingTurnResponse,
  type SessionPlanRequest,
  type SessionPlanResponse,
} from '@exhale/core/coach';
import type { z } from 'zod';

import { createSseParser, type ServerSentEvent } from './sse-parser';

/** The part of a fetch Response the client reads (the browser's, or Expo's on phones). */
export interface ResponseLike {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    signal: AbortSignal;
  },
) => Promise<ResponseLike>;

/** Why the API could not answer; the app falls back to the scripted coach for all of them. */
export type CoachUnavailableReason =
  | 'no_server'
  | 'invalid_request'
  | 'offline'
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'invalid_response'
  | 'cancelled';

export class CoachUnavailableError extends Error {
  constructor(
    readonly reason: CoachUnavailableReason,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`The coach could not be reached (${reason}): ${detail}`, options);
    this.name = 'CoachUnavailableError';
  }
}

export interface StreamHandlers {
  /** More of the reply's text, as the coach writes it. */
  onDelta?: (text: string) => void;
  /** The text streamed so far is void (the server retried, or fell back): clear it. */
  onReset?: () => void;
  signal?: AbortSignal;
}

export interface CoachClientOptions {
  /** The API's origin, e.g. "https://api.exhale.app"; null: there is no server. */
  baseUrl: string | null;
  deviceId: () => Promise<string>;
  fetch: FetchLike;
  /** No response (headers) within this long: the person is not kept waiting. */
  responseTimeoutMs?: number;
  /** Nothing new on an open stream for this long: it has stalled. */
  idleTimeoutMs?: number;
  /** A whole answer, however it is trickling in. */
  totalTimeoutMs?: number;
}

export const COACH_TIMEOUTS = {
  responseMs: 6_000,
  idleMs: 8_000,
  totalMs: 30_000,
} as const;

export interface CoachClient {
  onboardingTurn(
    request: OnboardingTurnRequest,
    handlers?: StreamHandlers,
  ): Promise<OnboardingTurnResponse>;
  sessionPlan(
    request: SessionPlanRequest,
    handlers?: Pick<StreamHandlers, 'signal'>,
  ): Promise<SessionPlanResponse>;
  feedback(request: FeedbackRequest, handlers?: StreamHandlers): Promise<FeedbackResponse>;
}

/** A watchdog that aborts the request when it stops making progress. */
function watchdog(options: Required<Omit<CoachClientOptions, 'baseUrl' | 'deviceId' | 'fetch'>>) {
  const controller = new AbortController();
  let reason: CoachUnavailableReason | null = null;
  const stop = (why: CoachUnavailableReason) => {
    reason ??= why;
    controller.abort();
  };
  let idle = setTimeout(() => stop('timeout'), options.responseTimeoutMs);
  const total = setTimeout(() => stop('timeout'), options.totalTimeoutMs);
  return {
    signal: controller.signal,
    stop,
    reason: () => reason,
    progress() {
      clearTimeout(idle);
      idle = setTimeout(() => stop('timeout'), options.idleTimeoutMs);
    },
    done() {
      clearTimeout(idle);
      clearTimeout(total);
    },
  };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CoachUnavailableError('invalid_response', `${what} is not JSON`, { cause: error });
  }
}

function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CoachUnavailableError(
      'invalid_response',
      `${what} does not match the contract: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  return result.data;
}

const FINISHED = Symbol('finished');
type Finished = { [FINISHED]: unknown };

/** Acts on one event: `delta` text goes to onDelta, `retry` and `fallback` void it. */
function handleEvent(event: ServerSentEvent, handlers: StreamHandlers): Finished | null {
  if (event.event === 'done') return { [FINISHED]: parseJson(event.data, 'the final event') };
  if (event.event === 'delta') {
    const delta = parseJson(event.data, 'a delta event') as { text?: unknown } | null;
    if (typeof delta?.text === 'string') handlers.onDelta?.(delta.text);
  } else if (event.event === 'retry' || event.event === 'fallback') {
    handlers.onReset?.();
  }
  return null;
}

const ENDED_EARLY = 'the stream ended before its final event';

/** Reads an event stream as it arrives, to its `done` event, whose data it returns. */
async function readEventStream(
  body: ReadableStream<Uint8Array>,
  handlers: StreamHandlers,
  progress: () => void,
): Promise<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      progress();
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        const finished = handleEvent(event, handlers);
        if (finished !== null) return finished[FINISHED];
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  throw new CoachUnavailableError('invalid_response', ENDED_EARLY);
}

/** Reads a whole event-stream body at once, where the platform gives no stream. */
function eventsFromText(text: string, handlers: StreamHandlers): unknown {
  for (const event of createSseParser().push(`${text}\n\n`)) {
    const finished = handleEvent(event, handlers);
    if (finished !== null) return finished[FINISHED];
  }
  throw new CoachUnavailableError('invalid_response', ENDED_EARLY);
}

/**
 * The coach API over HTTP. Every request is checked against the shared (strict) request
 * schema before it leaves the device and every answer against the response schema before
 * it is used; any failure — no server, offline, slow, 429, 5xx, a bad answer — rejects
 * with CoachUnavailableError, so the caller can hand over to the scripted coach.
 */
export function createCoachClient(options: CoachClientOptions): CoachClient {
  const limits = {
    responseTimeoutMs: options.responseTimeoutMs ?? COACH_TIMEOUTS.responseMs,
    idleTimeoutMs: options.idleTimeoutMs ?? COACH_TIMEOUTS.idleMs,
    totalTimeoutMs: options.totalTimeoutMs ?? COACH_TIMEOUTS.totalMs,
  };

  async function post<Req, Res>(
    path: string,
    requestSchema: z.ZodType<Req>,
    request: Req,
    responseSchema: z.ZodType<Res>,
    handlers: StreamHandlers,
    stream: boolean,
  ): Promise<Res> {
    if (options.baseUrl === null) {
      throw new CoachUnavailableError('no_server', 'this build has no API address');
    }
    const checked = requestSchema.safeParse(request);
    if (!checked.success) {
      throw new CoachUnavailableError('invalid_request', checked.error.message);
    }
    const guard = watchdog(limits);
    const cancel = () => guard.stop('cancelled');
    handlers.signal?.addEventListener('abort', cancel);
    if (handlers.signal?.aborted) cancel();
    try {
      const response = await options.fetch(`${options.baseUrl}/v1${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: stream ? 'text/event-stream' : 'application/json',
          'x-device-id': await options.deviceId(),
        },
        body: JSON.stringify(checked.data),
        signal: guard.signal,
      });
      guard.progress();
      if (response.status === 429) {
        throw new CoachUnavailableError('rate_limited', 'too many requests for now');
      }
      if (!response.ok) {
        throw new CoachUnavailableError('server_error', `the API answered ${response.status}`);
      }
      const type = response.headers.get('content-type') ?? '';
      let answer: unknown;
      if (type.includes('text/event-stream')) {
        answer =
          response.body !== null && typeof response.body.getReader === 'function'
            ? await readEventStream(response.body, handlers, guard.progress)
            : eventsFromText(await response.text(), handlers);
      } else {
        answer = parseJson(await response.text(), 'the answer');
      }
      return validated(responseSchema, answer, 'the answer');
    } catch (error) {
      if (error instanceof CoachUnavailableError) throw error;
      const reason = guard.reason();
      if (reason !== null) throw new CoachUnavailableError(reason, 'the request was stopped');
      throw new CoachUnavailableError('offline', 'the request failed', { cause: error });
    } finally {
      guard.done();
      handlers.signal?.removeEventListener('abort', cancel);
    }
  }

  return {
    onboardingTurn: (request, handlers = {}) =>
      post(
        '/coach/onboarding',
        onboardingTurnRequestSchema,
        request,
        onboardingTurnResponseSchema,
        handlers,
        true,
      ),
    sessionPlan: (request, handlers = {}) =>
      post(
        '/coach/session-plan',
        sessionPlanRequestSchema,
        request,
        sessionPlanResponseSchemaFor(request.totalBreaths),
        handlers,
        false,
      ),
    feedback: (request, handlers = {}) =>
      post(
        '/coach/feedback',
        feedbackRequestSchema,
        request,
        feedbackResponseSchema,
        handlers,
        true,
      ),
  };
}
