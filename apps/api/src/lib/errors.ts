import { STATUS_CODES } from 'node:http';
import { problemSchema } from '@exhale/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/errors';

export const PROBLEM_TYPE_BASE = 'https://exhale.app/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json' as const;
/** How long a client should wait before retrying when the database cannot serve. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

type AppErrorInit = {
  code: string;
  status: number;
  title: string;
  detail?: string;
  /** Extension members merged into the problem body (never overriding the standard ones). */
  extra?: Record<string, unknown>;
  cause?: unknown;
};

/** Options a subclass accepts: a more specific stable code, extension members, the cause. */
export type AppErrorOptions = Partial<Pick<AppErrorInit, 'code' | 'extra' | 'cause'>>;

/**
 * An expected failure with a stable `code`. Services throw these; the error handler turns
 * them into problem+json, and the app turns `code` into words for people. `detail` is
 * shown to clients, so it must never contain internals.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor({ code, status, title, detail, extra, cause }: AppErrorInit) {
    super(detail ?? title, { cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.extra = extra;
  }
}

function appErrorClass(status: number, defaultCode: string, title: string) {
  return class extends AppError {
    constructor(detail?: string, options: AppErrorOptions = {}) {
      super({ status, title, detail, code: options.code ?? defaultCode, ...options });
    }
  };
}

export class BadRequest extends appErrorClass(400, 'bad_request', 'Bad Request') {}
export class Unauthorized extends appErrorClass(401, 'unauthorized', 'Unauthorized') {}
export class PaymentRequired extends appErrorClass(402, 'payment_required', 'Payment Required') {}
export class Forbidden extends appErrorClass(403, 'forbidden', 'Forbidden') {}
export class NotFound extends appErrorClass(404, 'not_found', 'Not Found') {}
export class Conflict extends appErrorClass(409, 'conflict', 'Conflict') {}
/** A provider we depend on (payments, LLM, video) failed or timed out. */
export class UpstreamUnavailable extends appErrorClass(
  502,
  'upstream_unavailable',
  'Upstream Unavailable',
) {}
/** This service cannot answer right now (e.g. its database is down). */
export class ServiceUnavailable extends appErrorClass(
  503,
  'service_unavailable',
  'Service Unavailable',
) {}

/** The problem body this API sends: the shared contract plus the request id to quote. */
export const apiProblemSchema = problemSchema
  .extend({
    requestId: z.string().describe('Echoes the x-request-id response header.'),
  })
  .meta({
    id: 'Problem',
    description: 'RFC 9457 problem details with a stable `code`.',
    examples: [
      {
        type: `${PROBLEM_TYPE_BASE}validation_failed`,
        title: 'Bad Request',
        status: 400,
        detail: 'The request has 1 invalid field.',
        code: 'validation_failed',
        instance: '/v1/time?tz=Mars%2FOlympus',
        requestId: '3f1c9a7e-6f0b-4f5e-9b1a-2c8d4e6f7a90',
        errors: [{ path: 'query.tz', message: 'must be an IANA time zone such as Europe/Paris' }],
      },
    ],
  });

export type ApiProblem = z.infer<typeof apiProblemSchema>;

type ProblemResponse = {
  description: string;
  content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof apiProblemSchema } };
};

/** OpenAPI response entries for the problems a route can answer with, keyed by status. */
export function problemResponses<const S extends number>(
  descriptions: Record<S, string>,
): Record<S, ProblemResponse> {
  const responses = {} as Record<S, ProblemResponse>;
  for (const status of Object.keys(descriptions).map(Number) as S[]) {
    const description = descriptions[status];
    responses[status] = {
      description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: apiProblemSchema } },
    };
  }
  return responses;
}

type ProblemFields = {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  extra?: Record<string, unknown>;
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, fields: ProblemFields) {
  const { status, code, title, detail, errors, extra } = fields;
  const problem: ApiProblem = {
    ...extra,
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: title ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url,
    requestId: request.id,
    errors,
  };
  // Sent pre-serialized so a route's response schema can never reshape or reject a problem.
  // The id header is set here too: errors raised before routing skip the onRequest hook.
  return reply
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .header('x-request-id', request.id)
    .send(JSON.stringify(problem));
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  return sendProblem(request, reply, {
    status: 404,
    code: 'not_found',
    detail: `Nothing is served at ${request.method} ${path}.`,
  });
}

const VALIDATION_LOCATIONS: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'params',
  headers: 'headers',
};

const STATUS_CODE_NAMES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  411: 'length_required',
  413: 'body_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

const INTERNAL_ERROR_DETAIL =
  'Something went wrong on our side. Please try again; if it keeps happening, quote the request id.';

function validationPath(location: string, instancePath: string) {
  const segments = instancePath.split('/').filter(Boolean);
  return [location, ...segments].join('.');
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

/** The single Fastify error handler: every error leaves as application/problem+json. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.warn({ err: error }, error.message);
    else request.log.info({ code: error.code }, error.message);
    return sendProblem(request, reply, error);
  }

  if (isFastifyError(error) && Array.isArray(error.validation)) {
    const location = VALIDATION_LOCATIONS[error.validationContext ?? ''] ?? 'request';
    const errors = error.validation.map((issue) => ({
      path: validationPath(location, issue.instancePath),
      message: issue.message ?? 'Invalid value',
    }));
    const count = errors.length === 1 ? '1 invalid field' : `${errors.length} invalid fields`;
    return sendProblem(request, reply, {
      status: 400,
      code: 'validation_failed',
      detail: `The request has ${count}.`,
      errors,
    });
  }

  if (isFastifyError(error)) {
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, {
          status: 400,
          code: 'malformed_body',
          detail: 'The request body is not valid JSON.',
        });
      case 'FST_ERR_BAD_URL':
        return sendProblem(request, reply, {
          status: 400,
          code: 'malformed_url',
          detail: 'The request URL is not validly percent-encoded.',
        });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, {
          status: 413,
          code: 'body_too_large',
          detail: `The request body is larger than ${request.routeOptions.bodyLimit} bytes.`,
        });
    }
    // Fastify's own client errors (bad content type, bad content length…) are written
    // for clients; anything else with a 4xx status keeps its status but not its words.
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ code: error.code }, error.message);
      return sendProblem(request, reply, {
        status,
        code: STATUS_CODE_NAMES[status] ?? 'bad_request',
        detail: error.code.startsWith('FST_') ? error.message : undefined,
      });
    }
  }

  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendProblem(request, reply, {
      status: 503,
      code: 'database_unavailable',
      detail:
        'We are very busy or briefly unable to reach our database. Please try again in a moment.',
    });
  }

  request.log.error({ err: error, headers: request.headers }, 'unhandled error');
  return sendProblem(request, reply, {
    status: 500,
    code: 'internal_error',
    detail: INTERNAL_ERROR_DETAIL,
  });
}
