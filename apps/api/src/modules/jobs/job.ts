import type { FastifyBaseLogger } from 'fastify';
import type { AppDatabase } from '../../db/client';
import type { Env } from '../../env';
import type { PaymentProvider } from '../../lib/payments/payment-provider';
import type { PushSender } from '../../lib/push/push-sender';

/** What every job handler may use. `now` is injectable so tests fix the clock. */
export interface JobContext {
  db: AppDatabase;
  env: Env;
  /** Null in production without a Stripe key: nothing to reconcile then. */
  payments: PaymentProvider | null;
  push: PushSender;
  log: FastifyBaseLogger;
  now: () => number;
}

/** What one run did, by count; logged when anything is non-zero. */
export type JobResult = Record<string, number>;

/**
 * A periodic job. Its handler is one idempotent pass of conditional updates, so any number
 * of replicas may run it at once, and a run that dies half-way is finished by the next.
 */
export interface Job {
  /** Also the pg-boss queue's name. */
  name: string;
  /** Cadence of the in-process scheduler (PGlite). */
  everySeconds: number;
  /** Cadence on Postgres: pg-boss schedules by cron, a minute at the finest. */
  cron: string;
  run(ctx: JobContext): Promise<JobResult>;
}

export interface RunningJobs {
  kind: 'pg-boss' | 'in-process';
  /** Jobs waiting or running: queued in pg-boss, or runs in progress in process. */
  queueDepth(): Promise<number>;
  /** Stops taking new runs and waits for those in progress. */
  stop(): Promise<void>;
}
