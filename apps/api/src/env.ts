import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The monorepo root: relative paths in the environment are resolved against it, not the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const PGLITE_IN_MEMORY = 'memory://';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'test', 'production'] as const;

const fromRepoRoot = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));

const envSchema = z.object({
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
