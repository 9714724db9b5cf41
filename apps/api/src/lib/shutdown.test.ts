import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import type { Database } from '../db/client';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases';
import { drainAndClose } from './shutdown';

/** A fresh connection per call, so a kept-alive socket cannot hide a closed listener. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe.each(DATABASE_KINDS)('drainAndClose on %s', (kind) => {
  let dataDir: string | undefined;
  let store: TestDatabase;
  let db: Database;
  let app: App;
  let baseUrl: string;
  let release: () => void;
  let entered: Promise<void>;

  // Each test closes its database, so each reopens the same storage (fast after the first).
  beforeAll(async () => {
    dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'exhale-shutdown-')) : undefined;
    store = await openTestDatabase(kind, { migrate: false, pgliteDataDir: dataDir });
    await store.db.close();
  });

  afterAll(async () => {
    await store?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    db = await store.reopen();
    app = buildApp({ env: store.env, db });
    let markEntered: () => void;
    entered = new Promise((resolve) => (markEntered = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    app.get('/v1/test/slow', async () => {
      markEntered();
      await released;
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    release();
    await app.close();
    await db.close();
  });

  it('lets an in-flight request finish, refuses new connections, then closes the database', async () => {
    const inFlight = get(`${baseUrl}/v1/test/slow`);
    await entered;

    const stopping = drainAndClose(app, db, 5000);
    await expect.poll(() => app.server.listening).toBe(false);
    await expect(get(`${baseUrl}/health`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(db.ping()).resolves.toBeUndefined();

    release();
    expect(await inFlight).toEqual({ status: 200, body: '{"done":true}' });
    expect(await stopping).toBe(true);
    await expect(db.ping()).rejects.toThrow();
  });

  it('cuts off requests still running after the timeout and reports it', async () => {
    const inFlight = get(`${baseUrl}/v1/test/slow`);
    await entered;

    const started = performance.now();
    expect(await drainAndClose(app, db, 300)).toBe(false);
    expect(performance.now() - started).toBeLessThan(3000);
    await expect(inFlight).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(db.ping()).rejects.toThrow();
  });
});
