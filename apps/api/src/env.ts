import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The monorepo root: relative paths in the environment are resolved against it, not the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const PGLITE_IN_MEMORY = 'memory://';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'test', 'production'] as const;

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}

const fromRepoRoot = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));

const envSchema = z
  .object({
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
      .transform(Number)
      .pipe(z.number().max(65535, 'must be a whole number from 0 to 65535'))
      .default(8080),
    // 127.0.0.1 keeps a laptop's API private; containers set HOST=0.0.0.0.
    HOST: z.string().default('127.0.0.1'),
    NODE_ENV: z
      .enum(NODE_ENVS, { error: `must be one of ${NODE_ENVS.join(', ')}` })
      .default('development'),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    DATABASE_URL: z
      .url({
        protocol: /^postgres(ql)?$/,
        error: 'must be a postgres:// or postgresql:// connection URL',
      })
      .optional(),
    PGLITE_DATA_DIR: z
      .string()
      .default('.data/pglite')
      .transform((dir) => (dir === PGLITE_IN_MEMORY ? dir : fromRepoRoot(dir))),
    WEB_DIST_DIR: z.string().default('apps/mobile/dist').transform(fromRepoRoot),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    // Behind a load balancer every request arrives from the balancer's address; per-IP
    // limits need the client's, taken from X-Forwarded-For across this many proxy hops.
    TRUST_PROXY_HOPS: wholeNumber(0, 10).default(0),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    COACH_FIRST_TOKEN_TIMEOUT_MS: wholeNumber(100, 60_000).default(4000),
    COACH_TOTAL_TIMEOUT_MS: wholeNumber(500, 120_000).default(15_000),
    COACH_DAILY_TOKEN_BUDGET: wholeNumber(1, 1_000_000_000_000).default(2_000_000),
    COACH_RATE_LIMIT_PER_DEVICE: wholeNumber(1, 100_000).default(20),
    COACH_RATE_LIMIT_PER_IP: wholeNumber(1, 1_000_000).default(120),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
      .optional(),
    REDIS_KEY_PREFIX: z.string().default('exhale:'),
    // Supabase Auth: access tokens are verified locally against the project's JWKS
    // (asymmetric keys) or its legacy HS256 JWT secret; either or both may be set.
    SUPABASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    SUPABASE_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    AUTH_AUDIENCE: z.string().default('authenticated'),
    // Defaults to `${SUPABASE_URL}/auth/v1`, the issuer Supabase writes into its tokens.
    AUTH_ISSUER: z.string().optional(),
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    // Only for tests and local mocks: where the Stripe SDK sends its requests.
    STRIPE_API_BASE: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .optional(),
    // Expo push (booking reminders); needed only when the Expo project enforces push security.
    EXPO_ACCESS_TOKEN: z.string().optional(),
    PLATFORM_FEE_BASIS_POINTS: wholeNumber(0, 5000).default(1500),
    BOOKING_HOLD_MINUTES: wholeNumber(1, 60).default(10),
    LIVEKIT_URL: z.string().optional(),
    LIVEKIT_API_KEY: z.string().optional(),
    LIVEKIT_API_SECRET: z.string().optional(),
    // Opt-in product analytics (docs/analytics.md); unset sends nothing.
    POSTHOG_KEY: z.string().optional(),
    POSTHOG_HOST: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .optional(),
    // `npm start` on an empty embedded database fills the directory with demo practitioners.
    SEED_DEMO_DATA: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .transform((value) => value === 'true')
      .optional(),
  })
  .refine((env) => env.COACH_FIRST_TOKEN_TIMEOUT_MS <= env.COACH_TOTAL_TIMEOUT_MS, {
    path: ['COACH_FIRST_TOKEN_TIMEOUT_MS'],
    message: 'must not exceed COACH_TOTAL_TIMEOUT_MS',
  })
  .refine((env) => !env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET, {
    path: ['STRIPE_WEBHOOK_SECRET'],
    message: 'is required when STRIPE_SECRET_KEY is set',
  })
  .refine((env) => !env.LIVEKIT_API_KEY === !env.LIVEKIT_API_SECRET, {
    path: ['LIVEKIT_API_SECRET'],
    message: 'LIVEKIT_API_KEY and LIVEKIT_API_SECRET are set together',
  });

export type Env = z.output<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * Parses the environment, collecting every problem before failing so one restart fixes all.
 * Blank values count as unset: `PORT=` in a .env file means "use the default".
 * Values are never echoed back, since DATABASE_URL may carry a password.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const keys = Object.keys(envSchema.shape);
  const present = Object.fromEntries(
    keys.flatMap((key) => {
      const value = source[key]?.trim();
      return value ? [[key, value]] : [];
    }),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return result.data;
}
