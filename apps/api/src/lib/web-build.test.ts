import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import {
  DATABASE_KINDS,
  NO_WEB_BUILD_DIR,
  openTestDatabase,
  testEnv,
  type TestDatabase,
} from '../testing/databases';
import { cacheControlFor, isApiPath } from './web-build';

const INDEX_HTML = '<!doctype html><html><body><div id="root">Exhale web</div></body></html>';
const ENTRY_JS = 'console.log("exhale");';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function makeWebBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'exhale-web-'));
  mkdirSync(join(dir, '_expo/static/js/web'), { recursive: true });
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, '_expo/static/js/web/entry-3f9a1c.js'), ENTRY_JS);
  writeFileSync(join(dir, '_expo/static/js/web/entry-3f9a1c.js.gz'), gzipSync(ENTRY_JS));
  writeFileSync(join(dir, 'favicon.ico'), 'icon');
  writeFileSync(join(dir, 'assets/logo.png'), 'png');
  return dir;
}

describe('isApiPath', () => {
  it.each([
    '/v1',
    '/v1/meta',
    '/health',
    '/ready',
    '/docs',
    '/docs/static/x.js',
    '/openapi.json',
    '/v1/x?y=1',
  ])('%s belongs to the API', (path) => expect(isApiPath(path)).toBe(true));
  it.each(['/', '/v10', '/healthy', '/documentation', '/practitioners/42', '/openapi.json.map'])(
    '%s does not',
    (path) => expect(isApiPath(path)).toBe(false),
  );
});

describe('cacheControlFor', () => {
  it.each([
    ['_expo/static/js/web/entry-3f9a1c.js', 'public, max-age=31536000, immutable'],
    ['index.html', 'no-cache'],
    ['practitioners/index.html', 'no-cache'],
    ['favicon.ico', 'public, max-age=3600'],
  ])('%s → %s', (file, expected) => {
    expect(cacheControlFor('/srv/web', join('/srv/web', file))).toBe(expected);
  });
});

describe.each(DATABASE_KINDS)('web build on %s', (kind) => {
  let store: TestDatabase;
  let distDir: string;
  let app: App;
  let bare: App;

  beforeAll(async () => {
    store = await openTestDatabase(kind);
    distDir = makeWebBuild();
    app = buildApp({ env: testEnv({ WEB_DIST_DIR: distDir }), db: store.db });
    bare = buildApp({ env: testEnv({ WEB_DIST_DIR: NO_WEB_BUILD_DIR }), db: store.db });
    await Promise.all([app.ready(), bare.ready()]);
  });

  afterAll(async () => {
    await Promise.all([app?.close(), bare?.close()]);
    await store?.dispose();
    rmSync(distDir, { recursive: true, force: true });
  });

  describe('when the build exists', () => {
    it('serves index.html at / without caching it', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(INDEX_HTML);
    });

    it('sends the precompressed bundle to a browser that accepts gzip', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/_expo/static/js/web/entry-3f9a1c.js',
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(gunzipSync(response.rawPayload).toString()).toBe(ENTRY_JS);
    });

    it('serves hashed bundles under /_expo/ as immutable', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/_expo/static/js/web/entry-3f9a1c.js',
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.body).toBe(ENTRY_JS);
    });

    it('serves other files with a short cache', async () => {
      const response = await app.inject({ method: 'GET', url: '/assets/logo.png' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=3600');
    });

    it.each(['/practitioners/42', '/session', '/settings/privacy?tab=data'])(
      'falls back to index.html for a browser navigation to %s',
      async (url) => {
        const response = await app.inject({
          method: 'GET',
          url,
          headers: { accept: BROWSER_ACCEPT },
        });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.headers['cache-control']).toBe('no-cache');
        expect(response.body).toBe(INDEX_HTML);
      },
    );

    it('answers 404 problem+json for a missing file that is not a navigation', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/_expo/static/js/web/entry-gone.js',
        headers: { accept: '*/*' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.json().code).toBe('not_found');
    });

    it('never falls back for API paths or non-GET requests', async () => {
      const apiMiss = await app.inject({
        method: 'GET',
        url: '/v1/nothing-here',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(apiMiss.statusCode).toBe(404);
      expect(apiMiss.json().code).toBe('not_found');

      const post = await app.inject({
        method: 'POST',
        url: '/practitioners/42',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(post.statusCode).toBe(404);
      expect(post.json().code).toBe('not_found');
    });

    it('keeps API routes ahead of the web app', async () => {
      const health = await app.inject({
        method: 'GET',
        url: '/health',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(health.json()).toMatchObject({ status: 'ok' });
      const ready = await app.inject({
        method: 'GET',
        url: '/ready',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(ready.json()).toEqual({ status: 'ready', database: kind });
      const docs = await app.inject({
        method: 'GET',
        url: '/docs',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(docs.body).toContain('swagger-ui');
      const openapi = await app.inject({ method: 'GET', url: '/openapi.json' });
      expect(openapi.json().openapi).toBe('3.1.0');
    });

    it('does not serve files outside the build folder', async () => {
      const response = await app.inject({ method: 'GET', url: '/..%2f..%2fpackage.json' });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('when the build is missing', () => {
    it('GET / tells a browser how to build the web app', async () => {
      const response = await bare.inject({
        method: 'GET',
        url: '/',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('npm run build:web');
      expect(response.body).toContain('href="/docs"');
    });

    it('GET / tells an API client the same in JSON', async () => {
      const response = await bare.inject({
        method: 'GET',
        url: '/',
        headers: { accept: 'application/json' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        name: 'Exhale API',
        message: expect.stringContaining(NO_WEB_BUILD_DIR),
        howToBuild: expect.stringContaining('npm run build:web'),
        docs: '/docs',
      });
    });

    it('has no SPA fallback: other pages are 404 problem+json', async () => {
      const response = await bare.inject({
        method: 'GET',
        url: '/practitioners/42',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    });
  });
});
