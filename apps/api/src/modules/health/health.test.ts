import { problemSchema } from '@exhale/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { buildApp, type App } from '../../app';
import { openDatabase } from '../../db/client';
import {
  DATABASE_KINDS,
  testEnv,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from '../../testing/databases';
import { startTestApp, stopTestApp } from '../../testing/test-app';
import { deadPort, silentServer } from '../../testing/network';
import { READY_TIMEOUT_MS } from './health.routes';

function postgresUrlOnPort(port: number) {
  const url = new URL(TEST_POSTGRES_URL);
  url.port = String(port);
  return url.toString();
}

async function appOn(databaseUrl: string) {
  const env = testEnv({ DATABASE_URL: databaseUrl });
  const db = await openDatabase(env);
  const app = buildApp({ env, db });
  return {
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

function expectDatabaseUnavailable(response: Awaited<ReturnType<App['inject']>>) {
  expect(response.statusCode).toBe(503);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = response.json();
  expect(problemSchema.parse(body)).toMatchObject({
    status: 503,
    code: 'database_unavailable',
    type: 'https://exhale.app/problems/database_unavailable',
    instance: '/ready',
  });
  expect(body.requestId).toBe(response.headers['x-request-id']);
}

describe.each(DATABASE_KINDS)('health on %s', (kind) => {
  let store: TestDatabase;
  let app: App;

  beforeAll(async () => {
    ({ app, store } = await startTestApp(kind));
  });

  afterAll(() => stopTestApp({ app, store }));

  it('GET /health reports the process is alive, with the package version', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      status: 'ok',
      uptimeSeconds: expect.any(Number),
      version: packageJson.version,
    });
    expect(response.json().uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('GET /ready answers 200 and names the database when it answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({ status: 'ready', database: kind });
  });

  // Last: it closes this file's database.
  it('GET /ready answers 503 problem+json once the database is closed, /health stays 200', async () => {
    await store.db.close();
    expectDatabaseUnavailable(await app.inject({ method: 'GET', url: '/ready' }));
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});

describe('readiness against an unreachable Postgres', () => {
  it('answers 503 when nothing listens on the database port', async () => {
    const { app, close } = await appOn(postgresUrlOnPort(await deadPort()));
    try {
      expectDatabaseUnavailable(await app.inject({ method: 'GET', url: '/ready' }));
    } finally {
      await close();
    }
  });

  it('answers 503 within the probe timeout when the database host hangs', async () => {
    const hung = await silentServer();
    const { app, close } = await appOn(postgresUrlOnPort(hung.port));
    try {
      const started = performance.now();
      const response = await app.inject({ method: 'GET', url: '/ready' });
      const elapsed = performance.now() - started;
      expectDatabaseUnavailable(response);
      expect(elapsed).toBeGreaterThanOrEqual(READY_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(READY_TIMEOUT_MS + 1500);
    } finally {
      await hung.close();
      await close();
    }
  });
});
