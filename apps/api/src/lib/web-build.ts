import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { APP_NAME, APP_VERSION } from './app-info';

/** Paths the API owns: the web app never shadows them, not even with its SPA fallback. */
const API_PATHS = ['/v1', '/health', '/ready', '/docs', '/openapi.json'];

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
const SHORT_CACHE = 'public, max-age=3600';

export type WebBuild = {
  available: boolean;
  /** Serves index.html for a browser navigation to a client-side route; false if not one. */
  serveFallback(request: FastifyRequest, reply: FastifyReply): boolean;
};

export function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Expo names everything under /_expo/ by content hash, so it can be cached for good. */
export function cacheControlFor(root: string, filePath: string): string {
  const path = relative(root, filePath);
  if (path.startsWith(`_expo${sep}`)) return IMMUTABLE;
  if (path.endsWith('.html')) return NO_CACHE;
  return SHORT_CACHE;
}

function acceptsHtml(request: FastifyRequest) {
  return request.headers.accept?.includes('text/html') ?? false;
}

/**
 * Serves the exported Expo web app from `root` at `/`. Without a build, `/` explains how
 * to make one instead of answering a bare 404.
 */
export function registerWebBuild(app: FastifyInstance, root: string): WebBuild {
  if (!existsSync(join(root, 'index.html'))) {
    registerMissingBuildPointer(app, root);
    return { available: false, serveFallback: () => false };
  }

  app.register(fastifyStatic, {
    root,
    wildcard: true,
    // The build step writes .br/.gz beside each asset (scripts/lib/web-build.mjs).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlFor(root, filePath)),
  });

  return {
    available: true,
    serveFallback(request, reply) {
      const isNavigation =
        (request.method === 'GET' || request.method === 'HEAD') && acceptsHtml(request);
      if (!isNavigation || isApiPath(request.url)) return false;
      reply.header('cache-control', NO_CACHE).sendFile('index.html');
      return true;
    },
  };
}

function registerMissingBuildPointer(app: FastifyInstance, root: string) {
  const message = `The web app has not been built: ${root} has no index.html.`;
  const howTo = 'Run `npm run build:web` at the repository root, then restart the API.';
  app.get('/', { schema: { hide: true } }, (request, reply) => {
    reply.header('cache-control', NO_CACHE);
    if (acceptsHtml(request)) {
      return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${APP_NAME}</title></head>
<body>
<h1>${APP_NAME} ${APP_VERSION}</h1>
<p>${escapeHtml(message)}</p>
<p>${escapeHtml(howTo)}</p>
<p>The API is up: see <a href="/docs">/docs</a>, <a href="/openapi.json">/openapi.json</a> and <a href="/health">/health</a>.</p>
</body>
</html>
`);
    }
    return reply.send({
      name: APP_NAME,
      version: APP_VERSION,
      message,
      howToBuild: howTo,
      docs: '/docs',
      openapi: '/openapi.json',
      health: '/health',
    });
  });
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
