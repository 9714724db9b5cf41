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
  /**
   * Runs the job `name` once with `data` after `delayMs`: a pg-boss job on Postgres
   * (durable), a timer in this process on PGlite.
   */
  defer(name: string, data: Record<string, unknown>, delayMs: number): Promise<void>;
}

/** What the schedulers are given; each adds its own `defer`. */
export type BaseJobContext = Omit<JobContext, 'defer'>;

/** What one run did, by count; logged when anything is non-zero. */
export type JobResult = Record<string, number>;

/**
 * A job. A periodic one's handler is one idempotent pass of conditional updates, so any
 * number of replicas may run it at once, and a run that dies half-way is finished by the
 * next. One without a schedule runs only when deferred, with the data it was given.
 */
export interface Job {
  /** Also the pg-boss queue's name. */
  name: string;
  schedule?: {
    /** Cadence of the in-process scheduler (PGlite). */
    everySeconds: number;
    /** Cadence on Postgres: pg-boss schedules by cron, a minute at the finest. */
    cron: string;
  };
  run(ctx: JobContext, data?: unknown): Promise<JobResult>;
}

export interface RunningJobs {
  kind: 'pg-boss' | 'in-process';
  /**
   * Runs waiting: pg-boss jobs created or retrying (deferred ones included); in process,
   * deferred timers and runs in progress.
   */
  queueDepth(): Promise<number>;
  /** Stops taking new runs and waits for those in progress. */
  stop(): Promise<void>;
}
