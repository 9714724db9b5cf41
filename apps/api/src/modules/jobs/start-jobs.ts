import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client';
import type { Env } from '../../env';
import type { PaymentProvider } from '../../lib/payments/payment-provider';
import type { PushSender } from '../../lib/push/push-sender';
import { startInProcessJobs } from './in-process-scheduler';
import type { Job, RunningJobs } from './job';
import { MARKETPLACE_JOBS } from './marketplace-jobs';
import { startPgBossJobs } from './pg-boss-scheduler';

export type StartJobsOptions = {
  database: Database;
  env: Env;
  log: FastifyBaseLogger;
  payments: PaymentProvider | null;
  push: PushSender;
  now?: () => number;
  jobs?: readonly Job[];
  /** pg-boss's polling interval; tests shorten it. */
  pollingIntervalSeconds?: number;
};

/** Where pg-boss keeps its tables: beside a schema-isolated database's (tests), else `pgboss`. */
export const jobQueueSchema = (database: Pick<Database, 'schema'>) =>
  database.schema ? `${database.schema}_pgboss` : 'pgboss';

/**
 * Starts the marketplace's jobs: on Postgres through pg-boss, durable and shared by every
 * replica; on PGlite in this process.
 */
export async function startJobs(options: StartJobsOptions): Promise<RunningJobs> {
  const { database, env, log, payments, push, now = Date.now, jobs = MARKETPLACE_JOBS } = options;
  const ctx = { db: database.db, env, log, payments, push, now };
  if (database.kind === 'postgres' && env.DATABASE_URL) {
    return startPgBossJobs(jobs, ctx, {
      connectionString: env.DATABASE_URL,
      schema: jobQueueSchema(database),
      pollingIntervalSeconds: options.pollingIntervalSeconds,
    });
  }
  return startInProcessJobs(jobs, ctx);
}
