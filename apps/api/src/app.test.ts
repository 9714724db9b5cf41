import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { buildApp, type App } from './app';
import { createLogger } from './lib/logger';
import { DATABASE_KINDS, openTestDatabase, testEnv, type TestDatabase } from './testing/databases';
import { startTestApp, stopTestApp } from './testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(DATABASE_KINDS)('app on %s', (kind) => {
  let store: TestDatabase;
  let app: App;

  beforeAll(async () => {
    ({ app, store } = await startTestApp(kind));
  });

  afterAll(() => stopTestApp({ app, store }));

  describe('request ids', () => {
    it('echoes an incoming x-request-id', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/health',
        headers: { 'x-request-id': 'mobile-7f3a:42' },
      });
      expect(response.headers['x-request-id']).toBe('mobile-7f3a:42');
    });

    it('makes a fresh UUID per request when none comes in', async () => {
      const first = await app.inject({ method: 'GET', url: '/health' });
      const second = await app.inject({ method: 'GET', url: '/health' });
      expect(first.headers['x-request-id']).toMatch(UUID);
      expect(second.headers['x-request-id']).toMatch(UUID);
      expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    });

    it.each([
      ['too long', 'a'.repeat(129)],
      ['with spaces', 'id with spaces'],
      ['with markup', '<script>'],
      ['empty', ''],
    ])('replaces an incoming id that is %s', async (_reason, incoming) => {
      const response = await app.inject({
        method: 'GET',
        url: '/health',
        headers: { 'x-request-id': incoming },
      });
      expect(response.headers['x-request-id']).toMatch(UUID);
    });

    it('carries the id on error responses too', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/v1/missing',
        headers: { 'x-request-id': 'trace-404' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.headers['x-request-id']).toBe('trace-404');
      expect(response.json().requestId).toBe('trace-404');
    });
  });

  describe('OpenAPI document', () => {
    it('GET /openapi.json describes every API route, with the problem schema', async () => {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      expect(response.statusCode).toBe(200);
      const document = response.json();
      expect(document.openapi).toBe('3.1.0');
      expect(document.info).toMatchObject({ title: 'Exhale API', version: packageJson.version });
      expect(Object.keys(document.paths).sort()).toEqual([
        '/health',
        '/ready',
        '/v1/admin/bookings',
        '/v1/admin/certifications/{id}/reject',
        '/v1/admin/practitioners',
        '/v1/admin/practitioners/{id}/reject',
        '/v1/admin/practitioners/{id}/suspend',
        '/v1/admin/practitioners/{id}/verify',
        '/v1/admin/refunds',
        '/v1/bookings',
        '/v1/bookings/{id}',
        '/v1/bookings/{id}/calendar.ics',
        '/v1/bookings/{id}/cancel',
        '/v1/bookings/{id}/join',
        '/v1/bookings/{id}/no-show',
        '/v1/bookings/{id}/reschedule',
        '/v1/bookings/{id}/review',
        '/v1/coach/feedback',
        '/v1/coach/onboarding',
        '/v1/coach/session-plan',
        '/v1/dev/sign-in',
        '/v1/me',
        '/v1/me/bookings',
        '/v1/me/push-tokens',
        '/v1/meta',
        '/v1/practitioner/application',
        '/v1/practitioner/availability',
        '/v1/practitioner/bookings',
        '/v1/practitioner/profile',
        '/v1/practitioner/session-types',
        '/v1/practitioner/session-types/{id}',
        '/v1/practitioner/stripe/onboarding-link',
        '/v1/practitioner/time-off',
        '/v1/practitioner/time-off/{id}',
        '/v1/practitioners',
        '/v1/practitioners/{id}',
        '/v1/practitioners/{id}/slots',
        '/v1/time',
        '/v1/webhooks/stripe',
      ]);
      expect(document.servers).toEqual([]);
      expect(document.components.schemas.Problem.required).toEqual(
        expect.arrayContaining(['type', 'title', 'status', 'code', 'requestId']),
      );
    });

    it('documents query parameters and problem responses with examples', async () => {
      const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
      const time = document.paths['/v1/time'].get;
      expect(time.parameters).toEqual([
        expect.objectContaining({
          in: 'query',
          name: 'tz',
          required: false,
          example: 'Europe/Paris',
        }),
      ]);
      expect(time.responses['200'].content['application/json'].example).toMatchObject({
        timeZone: 'Europe/Paris',
      });
      expect(time.responses['400'].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
      const ready = document.paths['/ready'].get;
      expect(ready.responses['503'].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    });

    it('serves the same document the docs UI reads', async () => {
      const [direct, viaDocs] = await Promise.all([
        app.inject({ method: 'GET', url: '/openapi.json' }),
        app.inject({ method: 'GET', url: '/docs/json' }),
      ]);
      expect(viaDocs.json()).toEqual(direct.json());
    });
  });

  describe('interactive docs', () => {
    it('GET /docs serves the Swagger UI page', async () => {
      const response = await app.inject({ method: 'GET', url: '/docs' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('swagger-ui');
    });

    it('serves the Swagger UI assets the page loads', async () => {
      const page = (await app.inject({ method: 'GET', url: '/docs' })).body;
      const script = page.match(/src="([^"]*swagger-ui-bundle\.js)"/)?.[1];
      expect(script).toBeDefined();
      const response = await app.inject({ method: 'GET', url: script ?? '' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/javascript/);
    });
  });
});

describe('OpenAPI servers', () => {
  it('lists PUBLIC_URL as the server when it is set', async () => {
    const store = await openTestDatabase('postgres');
    const app = buildApp({
      env: testEnv({ PUBLIC_URL: 'https://api.exhale.example/' }),
      db: store.db,
    });
    try {
      const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
      expect(document.servers).toEqual([{ url: 'https://api.exhale.example' }]);
    } finally {
      await app.close();
      await store.dispose();
    }
  });
});

describe('access log', () => {
  it('writes one line per request with its id, status and time; none for probes', async () => {
    const store = await openTestDatabase('pglite');
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger(
      { LOG_LEVEL: 'info' },
      {
        write: (line: string) => void lines.push(JSON.parse(line)),
      },
    );
    const app = buildApp({ env: store.env, db: store.db, logger });
    try {
      await app.inject({ url: '/health' });
      await app.inject({ url: '/ready' });
      const response = await app.inject({ url: '/v1/practitioners?limit=2' });
      const requestId = response.headers['x-request-id'];
      const access = lines.filter((line) => line.msg === 'request');
      expect(access).toEqual([
        expect.objectContaining({
          requestId,
          method: 'GET',
          url: '/v1/practitioners?limit=2',
          statusCode: 200,
          responseTime: expect.any(Number),
        }),
      ]);
      expect(lines.filter((line) => line.requestId === requestId)).toHaveLength(1);
    } finally {
      await app.close();
      await store.dispose();
    }
  });
});
