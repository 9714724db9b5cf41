import type { Job, JobContext, RunningJobs } from './job';
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
 */
export async function startPgBossJobs(
  jobs: readonly Job[],
  ctx: JobContext,
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
  boss.on('error', (err) => ctx.log.error({ err }, 'job queue error'));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      name: job.name,
      policy: 'stately',
      retryLimit: 1,
      expireInSeconds: 5 * 60,
    });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds }, async () => {
      await runJob(job, ctx);
    });
    await boss.send(job.name, {});
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
