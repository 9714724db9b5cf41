import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../env';
import { startTestApp, stopTestApp, type TestApp } from '../../testing/test-app';
import {
  authMode,
  createTokenVerifier,
  issueDevelopmentToken,
  TokenRejected,
} from './token-verifier';

const SUB = '6c1f7d2a-3b4e-4f5a-8b9c-0d1e2f3a4b5c';
const HS_SECRET = 'super-secret-jwt-token-with-at-least-32-characters';

/** A Supabase-like JWKS endpoint on this machine, serving one ES256 public key. */
async function startJwksServer(
  publicJwk: JWK,
): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === '/auth/v1/.well-known/jwks.json') {
      hits += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ keys: [{ ...publicJwk, kid: 'key-1', alg: 'ES256', use: 'sig' }] }),
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Supabase access tokens', () => {
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    jwks = await startJwksServer(await exportJWK(pair.publicKey));
  });
  afterAll(() => jwks?.close());

  const env = (overrides: Record<string, string> = {}) =>
    loadEnv({ SUPABASE_URL: jwks.url, SUPABASE_JWT_SECRET: HS_SECRET, ...overrides });

  const es256 = (
    claims: { iss?: string; aud?: string; exp?: number; sub?: string } = {},
    key = privateKey,
  ) =>
    new SignJWT({ email: 'ana@example.com', role: 'authenticated' })
      .setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
      .setSubject(claims.sub ?? SUB)
      .setIssuer(claims.iss ?? `${jwks.url}/auth/v1`)
      .setAudience(claims.aud ?? 'authenticated')
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '1h')
      .sign(key);

  const hs256 = (claims: { iss?: string } = {}, secret = HS_SECRET) =>
    new SignJWT({ email: 'ben@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(SUB)
      .setIssuer(claims.iss ?? `${jwks.url}/auth/v1`)
      .setAudience('authenticated')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));

  const rejection = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error instanceof TokenRejected ? error.reason : error;
    }
    return 'accepted';
  };

  it('accepts an ES256 token signed by a key in the project’s JWKS, fetched once', async () => {
    const verifier = createTokenVerifier(env());
    expect(verifier.mode).toBe('supabase');
    expect(await verifier.verify(await es256())).toEqual({ sub: SUB, email: 'ana@example.com' });
    await verifier.verify(await es256());
    expect(jwks.hits()).toBe(1);
  });

  it('accepts an HS256 token signed with the project’s JWT secret', async () => {
    expect(await createTokenVerifier(env()).verify(await hs256())).toEqual({
      sub: SUB,
      email: 'ben@example.com',
    });
  });

  it.each([
    ['another key', () => es256({}, otherKey), 'invalid'],
    ['another issuer', () => es256({ iss: 'https://evil.example/auth/v1' }), 'invalid'],
    ['another audience', () => es256({ aud: 'anon' }), 'invalid'],
    ['an expired token', () => es256({ exp: Math.floor(Date.now() / 1000) - 60 }), 'expired'],
    ['a subject that is not a user id', () => es256({ sub: 'service_role' }), 'invalid'],
    [
      'another HS256 secret',
      () => hs256({}, 'another-secret-that-is-also-32-characters-long'),
      'invalid',
    ],
    ['garbage', async () => 'not.a.jwt', 'invalid'],
  ])('rejects %s', async (_name, token, reason) => {
    expect(await rejection(createTokenVerifier(env()).verify(await token()))).toBe(reason);
  });

  it('remembers a verified token only until it expires', async () => {
    const verifier = createTokenVerifier(env());
    const token = await es256({ exp: Math.floor(Date.now() / 1000) + 1 });
    expect(await verifier.verify(token)).toEqual({ sub: SUB, email: 'ana@example.com' });
    expect(await verifier.verify(token)).toEqual({ sub: SUB, email: 'ana@example.com' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await rejection(verifier.verify(token))).toBe('expired');
    expect(await rejection(verifier.verify(await es256({}, otherKey)))).toBe('invalid');
  });

  it('rejects HS256 tokens when only the JWKS is configured', async () => {
    const verifier = createTokenVerifier(loadEnv({ SUPABASE_URL: jwks.url }));
    expect(await rejection(verifier.verify(await hs256()))).toBe('invalid');
  });

  it('never accepts development tokens once Supabase is configured', async () => {
    const { accessToken } = await issueDevelopmentToken(
      { sub: SUB, email: 'x@example.com' },
      'authenticated',
    );
    expect(await rejection(createTokenVerifier(env()).verify(accessToken))).toBe('invalid');
  });
});

describe('auth modes', () => {
  it('is development only without Supabase and outside production', () => {
    expect(authMode(loadEnv({}))).toBe('development');
    expect(authMode(loadEnv({ NODE_ENV: 'production' }))).toBe('unconfigured');
    expect(authMode(loadEnv({ NODE_ENV: 'production', SUPABASE_JWT_SECRET: HS_SECRET }))).toBe(
      'supabase',
    );
  });
});

describe.each([
  ['production', { NODE_ENV: 'production' }],
  ['Supabase configured', { SUPABASE_JWT_SECRET: HS_SECRET }],
])('the development sign-in with %s', (_name, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { env });
  });
  afterAll(() => stopTestApp(t));

  it('does not exist', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/dev/sign-in',
      payload: { email: 'ana@example.com', role: 'admin' },
    });
    expect(response.statusCode).toBe(404);
    const paths = Object.keys((t.app.swagger() as { paths: object }).paths);
    expect(paths).not.toContain('/v1/dev/sign-in');
  });

  it('leaves protected routes closed to development tokens', async () => {
    const { accessToken } = await issueDevelopmentToken(
      { sub: SUB, email: 'x@example.com' },
      'authenticated',
    );
    const response = await t.app.inject({
      url: '/v1/me/bookings',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.statusCode).toBe('NODE_ENV' in env ? 503 : 401);
  });
});
