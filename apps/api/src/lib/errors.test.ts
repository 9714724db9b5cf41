import { problemSchema } from '@exhale/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp, type App } from '../app';
import {
  DATABASE_KINDS,
  TEST_POSTGRES_URL,
  openTestDatabase,
  type TestDatabase,
} from '../testing/databases';
import {
  AppError,
  BadRequest,
  Conflict,
  Forbidden,
  NotFound,
  PaymentRequired,
  ServiceUnavailable,
  Unauthorized,
  UpstreamUnavailable,
} from './errors';
import { createLogger } from './logger';

type Response = Awaited<ReturnType<App['inject']>>;

const SECRET = 'postgres://app:hunter2@db.internal/exhale';

/** Asserts the shared problem contract and returns the body. */
function problemOf(response: Response, status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = response.json();
  expect(() => problemSchema.parse(body)).not.toThrow();
  expect(body.status).toBe(status);
  expect(body.type).toBe(`https://exhale.app/problems/${body.code}`);
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

describe('AppError subclasses', () => {
  it.each([
    [BadRequest, 400, 'bad_request', 'Bad Request'],
    [Unauthorized, 401, 'unauthorized', 'Unauthorized'],
    [PaymentRequired, 402, 'payment_required', 'Payment Required'],
    [Forbidden, 403, 'forbidden', 'Forbidden'],
    [NotFound, 404, 'not_found', 'Not Found'],
    [Conflict, 409, 'conflict', 'Conflict'],
    [UpstreamUnavailable, 502, 'upstream_unavailable', 'Upstream Unavailable'],
    [ServiceUnavailable, 503, 'service_unavailable', 'Service Unavailable'],
  ])('%o has status %i and code %s by default', (ErrorClass, status, code, title) => {
    const error = new ErrorClass('what happened');
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status, code, title, detail: 'what happened' });
    expect(error.name).toBe(ErrorClass.name);
  });

  it('takes a more specific code, extension members and a cause', () => {
    const cause = new Error('unique violation');
    const error = new Conflict('That slot was just taken.', {
      code: 'slot_taken',
      extra: { slotId: 'slot_1' },
      cause,
    });
    expect(error).toMatchObject({ status: 409, code: 'slot_taken', extra: { slotId: 'slot_1' } });
    expect(error.cause).toBe(cause);
  });
});

describe.each(DATABASE_KINDS)('error responses on %s', (kind) => {
  let store: TestDatabase;
  let app: App;
  const logLines: string[] = [];

  beforeAll(async () => {
    store = await openTestDatabase(kind);
    const logger = createLogger({ LOG_LEVEL: 'info' }, { write: (line) => logLines.push(line) });
    app = buildApp({ env: store.env, db: store.db, logger });
    app.post(
      '/v1/test/profile',
      {
        schema: {
          body: z.object({
            name: z.string().min(1),
            age: z.int().min(0),
            tags: z.array(z.string()),
          }),
        },
      },
      () => ({ ok: true }),
    );
    app.get('/v1/test/conflict', () => {
      throw new Conflict('That slot was just taken.', {
        code: 'slot_taken',
        extra: { slotId: 'slot_1', status: 200, code: 'spoofed' },
      });
    });
    app.get('/v1/test/upstream', async () => {
      throw new UpstreamUnavailable('The payment provider did not answer.', {
        cause: new Error(`timeout calling ${SECRET}`),
      });
    });
    app.get('/v1/test/crash', async () => {
      throw new Error(`connection to ${SECRET} refused`);
    });
    app.get('/v1/test/thrown-string', () => {
      throw 'not even an Error';
    });
    app.get(
      '/v1/test/bad-response',
      { schema: { response: { 200: z.object({ id: z.string() }) } } },
      () => ({ id: 42 }) as never,
    );
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it('lists every invalid field of a body as validation_failed', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test/profile',
      payload: { name: '', age: 'old', tags: ['calm', 7] },
    });
    const body = problemOf(response, 400);
    expect(body).toMatchObject({
      code: 'validation_failed',
      title: 'Bad Request',
      detail: 'The request has 3 invalid fields.',
      instance: '/v1/test/profile',
    });
    expect(body.errors.map((error: { path: string }) => error.path)).toEqual([
      'body.name',
      'body.age',
      'body.tags.1',
    ]);
    for (const error of body.errors) expect(error.message).toEqual(expect.any(String));
  });

  it('names query parameters as query.<name>', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/time?tz=Mars%2FOlympus' });
    const body = problemOf(response, 400);
    expect(body).toMatchObject({
      code: 'validation_failed',
      instance: '/v1/time?tz=Mars%2FOlympus',
    });
    expect(body.errors).toEqual([
      { path: 'query.tz', message: 'must be an IANA time zone such as Europe/Paris' },
    ]);
  });

  it('answers malformed_body for JSON that does not parse', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test/profile',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Ada",',
    });
    expect(problemOf(response, 400)).toMatchObject({
      code: 'malformed_body',
      detail: 'The request body is not valid JSON.',
    });
  });

  it('answers malformed_body for an empty JSON body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test/profile',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(problemOf(response, 400).code).toBe('malformed_body');
  });

  it('answers malformed_url for a URL that does not decode, before any route runs', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/meta/%E0%A4%A',
      headers: { 'x-request-id': 'bad-url-1' },
    });
    expect(response.headers['x-request-id']).toBe('bad-url-1');
    expect(problemOf(response, 400)).toMatchObject({
      code: 'malformed_url',
      instance: '/v1/meta/%E0%A4%A',
    });
  });

  it('answers 413 body_too_large past the body limit', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test/profile',
      payload: { name: 'x'.repeat(1024 * 1024), age: 1, tags: [] },
    });
    expect(problemOf(response, 413)).toMatchObject({
      code: 'body_too_large',
      detail: 'The request body is larger than 1048576 bytes.',
    });
  });

  it('answers 415 unsupported_media_type for a body it cannot read', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/test/profile',
      headers: { 'content-type': 'application/xml' },
      payload: '<profile/>',
    });
    expect(problemOf(response, 415).code).toBe('unsupported_media_type');
  });

  it.each([
    ['GET', '/v1/nothing-here', 'application/json'],
    ['GET', '/v1/nothing-here', 'text/html'],
    ['DELETE', '/v1/meta', 'application/json'],
    ['GET', '/no-such-page', 'application/json'],
  ] as const)('answers not_found for %s %s (accept %s)', async (method, url, accept) => {
    const response = await app.inject({ method, url, headers: { accept } });
    expect(problemOf(response, 404)).toMatchObject({
      code: 'not_found',
      title: 'Not Found',
      detail: `Nothing is served at ${method} ${url}.`,
      instance: url,
    });
  });

  it('maps a thrown AppError to its status, code and extension members', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/test/conflict' });
    const body = problemOf(response, 409);
    expect(body).toEqual({
      type: 'https://exhale.app/problems/slot_taken',
      title: 'Conflict',
      status: 409,
      detail: 'That slot was just taken.',
      code: 'slot_taken',
      instance: '/v1/test/conflict',
      requestId: response.headers['x-request-id'],
      slotId: 'slot_1',
    });
  });

  it('keeps the cause of a 5xx AppError in the log, not in the response', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/test/upstream',
      headers: { 'x-request-id': 'upstream-check-1' },
    });
    expect(problemOf(response, 502)).toMatchObject({
      code: 'upstream_unavailable',
      detail: 'The payment provider did not answer.',
    });
    expect(response.body).not.toContain('hunter2');
    const logged = logLines.filter((line) => line.includes('"requestId":"upstream-check-1"'));
    expect(logged.some((line) => line.includes('timeout calling'))).toBe(true);
  });

  it.each(['/v1/test/crash', '/v1/test/thrown-string', '/v1/test/bad-response'])(
    'answers a generic 500 internal_error for %s and logs the details instead',
    async (url) => {
      const requestId = `crash-${kind}-${url.split('/').pop()}`;
      const response = await app.inject({
        method: 'GET',
        url,
        headers: {
          'x-request-id': requestId,
          authorization: 'Bearer top-secret-token',
          cookie: 'session=top-secret-cookie',
        },
      });
      // The whole body, so nothing from the error can ride along.
      expect(problemOf(response, 500)).toEqual({
        type: 'https://exhale.app/problems/internal_error',
        title: 'Internal Server Error',
        status: 500,
        detail:
          'Something went wrong on our side. Please try again; if it keeps happening, quote the request id.',
        code: 'internal_error',
        instance: url,
        requestId,
      });

      const errorLog = logLines
        .map((line) => JSON.parse(line))
        .find((entry) => entry.requestId === requestId && entry.msg === 'unhandled error');
      expect(errorLog).toBeDefined();
      expect(errorLog.level).toBe(50);
      expect(errorLog.err).toBeDefined();
      expect(errorLog.headers.authorization).toBe('[redacted]');
      expect(errorLog.headers.cookie).toBe('[redacted]');
      expect(JSON.stringify(errorLog)).not.toContain('top-secret');
    },
  );

  it('logs the crash message and stack so the request id leads somewhere', () => {
    const entry = logLines
      .map((line) => JSON.parse(line))
      .find((line) => line.requestId === `crash-${kind}-crash` && line.msg === 'unhandled error');
    expect(entry.err.message).toContain('refused');
    expect(entry.err.stack).toContain('errors.test.ts');
  });
});

describe('when the database cannot serve', () => {
  let store: TestDatabase;
  let app: App;
  const busy = new pg.Pool({
    connectionString: TEST_POSTGRES_URL,
    max: 1,
    connectionTimeoutMillis: 100,
  });
  const down = new pg.Pool({ connectionString: 'postgres://exhale@127.0.0.1:1/none', max: 1 });
  let held: pg.PoolClient | undefined;

  beforeAll(async () => {
    store = await openTestDatabase('pglite');
    app = buildApp({ env: store.env, db: store.db });
    app.get('/v1/test/busy', async () => (await busy.query('select 1 as one')).rows);
    app.get('/v1/test/down', async () => (await down.query('select 1 as one')).rows);
    await app.ready();
    held = await busy.connect();
  });

  afterAll(async () => {
    held?.release();
    await Promise.all([busy.end(), down.end()]);
    await app?.close();
    await store?.dispose();
  });

  it.each([
    ['every pooled connection is busy past the wait', '/v1/test/busy'],
    ['the database refuses connections', '/v1/test/down'],
  ])('answers 503 database_unavailable with Retry-After when %s', async (_, url) => {
    const response = await app.inject({ method: 'GET', url });
    const body = problemOf(response, 503);
    expect(body.code).toBe('database_unavailable');
    expect(response.headers['retry-after']).toBe('2');
  });
});
