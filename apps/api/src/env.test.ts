import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv, REPO_ROOT } from './env';

function envError(source: Record<string, string>): EnvError {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected loadEnv to fail');
}

describe('loadEnv', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadEnv({})).toEqual({
      PORT: 8080,
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PGLITE_DATA_DIR: join(REPO_ROOT, '.data/pglite'),
      WEB_DIST_DIR: join(REPO_ROOT, 'apps/mobile/dist'),
      TRUST_PROXY_HOPS: 0,
      OPENAI_MODEL: 'gpt-4o-mini',
      COACH_FIRST_TOKEN_TIMEOUT_MS: 4000,
      COACH_TOTAL_TIMEOUT_MS: 15_000,
      COACH_DAILY_TOKEN_BUDGET: 2_000_000,
      COACH_RATE_LIMIT_PER_DEVICE: 20,
      COACH_RATE_LIMIT_PER_IP: 120,
      REDIS_KEY_PREFIX: 'exhale:',
      AUTH_AUDIENCE: 'authenticated',
      PLATFORM_FEE_BASIS_POINTS: 1500,
      BOOKING_HOLD_MINUTES: 10,
    });
  });

  it('finds the repository root from its own location', () => {
    expect(join(REPO_ROOT, 'apps/api/src/env.ts')).toBe(
      new URL('./env.ts', import.meta.url).pathname,
    );
  });

  it('reads every variable it knows', () => {
    const env = loadEnv({
      PORT: '0',
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5432/exhale',
      PGLITE_DATA_DIR: 'memory://',
      WEB_DIST_DIR: '/srv/web',
      PUBLIC_URL: 'https://exhale.example/',
      TRUST_PROXY_HOPS: '1',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://localhost:11434/v1/',
      OPENAI_MODEL: 'llama3.2',
      COACH_FIRST_TOKEN_TIMEOUT_MS: '2500',
      COACH_TOTAL_TIMEOUT_MS: '10000',
      COACH_DAILY_TOKEN_BUDGET: '500000',
      COACH_RATE_LIMIT_PER_DEVICE: '10',
      COACH_RATE_LIMIT_PER_IP: '60',
      REDIS_URL: 'redis://cache.internal:6379/0',
      REDIS_KEY_PREFIX: 'exhale-staging:',
      SUPABASE_URL: 'https://abcd.supabase.co/',
      SUPABASE_JWT_SECRET: 'a-very-long-jwt-secret-of-at-least-32-chars',
      AUTH_AUDIENCE: 'authenticated',
      AUTH_ISSUER: 'https://abcd.supabase.co/auth/v1',
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      PLATFORM_FEE_BASIS_POINTS: '1200',
      BOOKING_HOLD_MINUTES: '15',
      LIVEKIT_URL: 'wss://video.exhale.example',
      LIVEKIT_API_KEY: 'APIkey',
      LIVEKIT_API_SECRET: 'secret-secret',
      SEED_DEMO_DATA: 'false',
    });
    expect(env).toEqual({
      PORT: 0,
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5432/exhale',
      PGLITE_DATA_DIR: 'memory://',
      WEB_DIST_DIR: '/srv/web',
      PUBLIC_URL: 'https://exhale.example',
      TRUST_PROXY_HOPS: 1,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      OPENAI_MODEL: 'llama3.2',
      COACH_FIRST_TOKEN_TIMEOUT_MS: 2500,
      COACH_TOTAL_TIMEOUT_MS: 10_000,
      COACH_DAILY_TOKEN_BUDGET: 500_000,
      COACH_RATE_LIMIT_PER_DEVICE: 10,
      COACH_RATE_LIMIT_PER_IP: 60,
      REDIS_URL: 'redis://cache.internal:6379/0',
      REDIS_KEY_PREFIX: 'exhale-staging:',
      SUPABASE_URL: 'https://abcd.supabase.co',
      SUPABASE_JWT_SECRET: 'a-very-long-jwt-secret-of-at-least-32-chars',
      AUTH_AUDIENCE: 'authenticated',
      AUTH_ISSUER: 'https://abcd.supabase.co/auth/v1',
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      PLATFORM_FEE_BASIS_POINTS: 1200,
      BOOKING_HOLD_MINUTES: 15,
      LIVEKIT_URL: 'wss://video.exhale.example',
      LIVEKIT_API_KEY: 'APIkey',
      LIVEKIT_API_SECRET: 'secret-secret',
      SEED_DEMO_DATA: false,
    });
  });

  it('requires the webhook secret with a Stripe key, and LiveKit key and secret together', () => {
    expect(envError({ STRIPE_SECRET_KEY: 'sk_test_1', LIVEKIT_API_KEY: 'k' }).problems).toEqual([
      'STRIPE_WEBHOOK_SECRET: is required when STRIPE_SECRET_KEY is set',
      'LIVEKIT_API_SECRET: LIVEKIT_API_KEY and LIVEKIT_API_SECRET are set together',
    ]);
  });

  it('resolves relative folders against the repository root, not the working directory', () => {
    const env = loadEnv({ PGLITE_DATA_DIR: 'tmp/db', WEB_DIST_DIR: './web' });
    expect(env.PGLITE_DATA_DIR).toBe(join(REPO_ROOT, 'tmp/db'));
    expect(env.WEB_DIST_DIR).toBe(join(REPO_ROOT, 'web'));
  });

  it('treats blank values as unset and ignores unrelated variables', () => {
    const env = loadEnv({ PORT: '', LOG_LEVEL: '   ', DATABASE_URL: '', HOME: '/root' });
    expect(env.PORT).toBe(8080);
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).not.toHaveProperty('HOME');
  });

  it('lists every bad variable in one readable error', () => {
    const error = envError({
      PORT: 'eighty',
      NODE_ENV: 'staging',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://root:hunter2@db:3306/exhale',
      PUBLIC_URL: 'exhale.example',
    });
    expect(error.problems).toEqual([
      'PORT: must be a whole number from 0 to 65535',
      'NODE_ENV: must be one of development, test, production',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      'DATABASE_URL: must be a postgres:// or postgresql:// connection URL',
      'PUBLIC_URL: must be an http:// or https:// URL',
    ]);
    expect(error.message).toBe(
      ['Invalid environment:', ...error.problems.map((problem) => `  - ${problem}`)].join('\n'),
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('lists the coach settings it cannot use', () => {
    expect(
      envError({
        OPENAI_BASE_URL: 'localhost:11434',
        COACH_RATE_LIMIT_PER_DEVICE: '0',
        COACH_DAILY_TOKEN_BUDGET: 'lots',
        REDIS_URL: 'http://cache:6379',
      }).problems,
    ).toEqual([
      'OPENAI_BASE_URL: must be an http:// or https:// URL',
      'COACH_DAILY_TOKEN_BUDGET: must be a whole number from 1 to 1000000000000',
      'COACH_RATE_LIMIT_PER_DEVICE: must be a whole number from 1 to 100000',
      'REDIS_URL: must be a redis:// or rediss:// URL',
    ]);
  });

  it('wants the first-token limit within the total limit', () => {
    expect(
      envError({ COACH_FIRST_TOKEN_TIMEOUT_MS: '20000', COACH_TOTAL_TIMEOUT_MS: '15000' }).problems,
    ).toEqual(['COACH_FIRST_TOKEN_TIMEOUT_MS: must not exceed COACH_TOTAL_TIMEOUT_MS']);
  });

  it.each(['65536', '-1', '80.5', '1e3'])('rejects PORT=%s', (port) => {
    expect(envError({ PORT: port }).problems).toEqual([
      'PORT: must be a whole number from 0 to 65535',
    ]);
  });
});
