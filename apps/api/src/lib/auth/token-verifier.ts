import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
} from 'jose';
import type { Env } from '../../env';

/** The claims this API reads from a Supabase (or development) access token. */
export interface TokenClaims {
  /** The Supabase user id. */
  sub: string;
  email: string | undefined;
}

export type AuthMode = 'supabase' | 'development' | 'unconfigured';

export interface TokenVerifier {
  mode: AuthMode;
  /** @throws TokenRejected when the token is malformed, forged, expired or not for us. */
  verify(token: string): Promise<TokenClaims>;
}

export class TokenRejected extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The access token has expired.' : 'The access token is invalid.');
  }
}

/**
 * Development tokens are signed with this well-known secret. It protects nothing, which is
 * why they are only accepted, and only issued, when no Supabase project is configured and
 * NODE_ENV is not production.
 */
const DEVELOPMENT_SECRET = new TextEncoder().encode(
  'exhale-development-only-secret-never-used-in-production',
);
export const DEVELOPMENT_ISSUER = 'exhale-development';
const DEVELOPMENT_TOKEN_TTL_SECONDS = 12 * 60 * 60;

type AuthEnv = Pick<
  Env,
  'NODE_ENV' | 'SUPABASE_URL' | 'SUPABASE_JWT_SECRET' | 'AUTH_AUDIENCE' | 'AUTH_ISSUER'
>;

export function authMode(env: AuthEnv): AuthMode {
  if (env.SUPABASE_URL || env.SUPABASE_JWT_SECRET) return 'supabase';
  return env.NODE_ENV === 'production' ? 'unconfigured' : 'development';
}

type VerifiedClaims = TokenClaims & { expiresAtMs: number };

function claimsOf(payload: JWTPayload): VerifiedClaims {
  if (typeof payload.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(payload.sub)) {
    throw new TokenRejected('invalid');
  }
  // jose has already refused a token without a valid exp when it checks expiry; a token
  // without one is remembered only briefly.
  const expiresAtMs = typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  return {
    sub: payload.sub,
    email: typeof payload.email === 'string' ? payload.email : undefined,
    expiresAtMs,
  };
}

/** How many verified tokens a replica remembers, and for at most how long. */
const VERIFIED_CACHE_SIZE = 10_000;
const VERIFIED_CACHE_MS = 5 * 60_000;

/**
 * Remembers tokens already verified until they expire (at most five minutes), so an app
 * making several calls does not pay for a signature check on each. Only valid tokens are
 * kept; the oldest entries go first when full.
 */
function rememberVerified(
  verify: (token: string) => Promise<VerifiedClaims>,
  now: () => number = Date.now,
): (token: string) => Promise<TokenClaims> {
  const verified = new Map<string, { claims: TokenClaims; until: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known && known.until > now()) return known.claims;
    if (known) verified.delete(token);
    const { expiresAtMs, ...claims } = await verify(token);
    if (verified.size >= VERIFIED_CACHE_SIZE) {
      verified.delete(verified.keys().next().value!);
    }
    verified.set(token, { claims, until: Math.min(expiresAtMs, now() + VERIFIED_CACHE_MS) });
    return claims;
  };
}

async function verifyWith(verify: () => Promise<{ payload: JWTPayload }>): Promise<VerifiedClaims> {
  try {
    return claimsOf((await verify()).payload);
  } catch (error) {
    if (error instanceof TokenRejected) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new TokenRejected('expired');
    if (error instanceof joseErrors.JOSEError) throw new TokenRejected('invalid');
    throw error;
  }
}

export function createTokenVerifier(env: AuthEnv): TokenVerifier {
  const mode = authMode(env);
  const audience = env.AUTH_AUDIENCE;

  if (mode === 'development') {
    return {
      mode,
      verify: rememberVerified((token) =>
        verifyWith(() =>
          jwtVerify(token, DEVELOPMENT_SECRET, {
            algorithms: ['HS256'],
            issuer: DEVELOPMENT_ISSUER,
            audience,
          }),
        ),
      ),
    };
  }

  if (mode === 'unconfigured') {
    return {
      mode,
      verify: () => Promise.reject(new TokenRejected('invalid')),
    };
  }

  const issuer = env.AUTH_ISSUER ?? (env.SUPABASE_URL ? `${env.SUPABASE_URL}/auth/v1` : undefined);
  // jose caches the key set and refetches it (rate-limited) when a token names an unknown kid.
  const jwks = env.SUPABASE_URL
    ? createRemoteJWKSet(new URL(`${env.SUPABASE_URL}/auth/v1/.well-known/jwks.json`))
    : undefined;
  const secret = env.SUPABASE_JWT_SECRET
    ? new TextEncoder().encode(env.SUPABASE_JWT_SECRET)
    : undefined;

  return {
    mode,
    verify: rememberVerified((token) =>
      verifyWith(() => {
        let alg: string | undefined;
        try {
          alg = decodeProtectedHeader(token).alg;
        } catch {
          throw new TokenRejected('invalid');
        }
        const options = { issuer, audience };
        if (alg === 'HS256') {
          if (!secret) throw new TokenRejected('invalid');
          return jwtVerify(token, secret, { ...options, algorithms: ['HS256'] });
        }
        if (!jwks) throw new TokenRejected('invalid');
        return jwtVerify(token, jwks, { ...options, algorithms: ['ES256', 'RS256'] });
      }),
    ),
  };
}

/** A development access token shaped like Supabase's (sub, email, aud, role, exp). */
export async function issueDevelopmentToken(
  claims: { sub: string; email: string },
  audience: string,
  now: Date = new Date(),
): Promise<{ accessToken: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + DEVELOPMENT_TOKEN_TTL_SECONDS;
  const accessToken = await new SignJWT({ email: claims.email, role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(DEVELOPMENT_ISSUER)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(DEVELOPMENT_SECRET);
  return { accessToken, expiresAt: new Date(expiresAt * 1000) };
}
