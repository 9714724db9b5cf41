import type { BaseJobContext, Job, JobContext, RunningJobs } from './job';
import { runJob } from './run-job';

export type PgBossOptions = {
  connectionString: string;
  /** pg-boss keeps its tables in this schema, apart from the app's. */
  schema: string;
  /** How often each worker looks for a job. */
  pollingIntervalSeconds?: number;
  /** How long `stop` waits for running jobs. */
  stopTimeoutMs?: number;
};

/**
 * A durable queue in Postgres: each job is a pg-boss queue with a cron schedule. pg-boss
 * fires each schedule once per tick across all replicas, and the `stately` policy keeps at
 * most one run queued and one active per job, so a slow run is never piled onto. Each job
 * is also queued once at start, so a fresh deploy does not wait for the next minute.
 * Deferred runs are jobs with `startAfter`, in `standard` queues that keep every one.
 */
export async function startPgBossJobs(
  jobs: readonly Job[],
  base: BaseJobContext,
  options: PgBossOptions,
): Promise<RunningJobs> {
  const { default: PgBoss } = await import('pg-boss');
  const { pollingIntervalSeconds = 2, stopTimeoutMs = 8000 } = options;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema,
    application_name: 'exhale-jobs',
    // The app has its own pool; the queue needs few connections.
    max: 3,
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 1,
  });
  boss.on('error', (err) => base.log.error({ err }, 'job queue error'));
  await boss.start();
  const ctx: JobContext = {
    ...base,
    async defer(name, data, delayMs) {
      await boss.send(name, data, { startAfter: Math.ceil(delayMs / 1000) });
    },
  };
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      name: job.name,
      policy: job.schedule ? 'stately' : 'standard',
      retryLimit: job.schedule ? 1 : 3,
      expireInSeconds: 5 * 60,
    });
    await boss.work<unknown>(job.name, { pollingIntervalSeconds }, async ([run]) => {
      await runJob(job, ctx, run?.data);
    });
    if (job.schedule) {
      await boss.schedule(job.name, job.schedule.cron);
      await boss.send(job.name, {});
    }
  }
  return {
    kind: 'pg-boss',
    async queueDepth() {
      const sizes = await Promise.all(jobs.map((job) => boss.getQueueSize(job.name)));
      return sizes.reduce((sum, size) => sum + size, 0);
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: stopTimeoutMs }),
  };
}
