import type { Job, JobContext, RunningJobs } from './job';
import { runJob } from './run-job';

/**
 * Runs each job every `everySeconds` in this process, the first time right away; a run
 * still going when the next is due is not doubled. For PGlite, whose single process is the
 * only one using the database.
 */
export function startInProcessJobs(jobs: readonly Job[], ctx: JobContext): RunningJobs {
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;
  const tick = (job: Job) => {
    if (stopped || running.has(job.name)) return;
    running.set(
      job.name,
      runJob(job, ctx)
        .catch(() => undefined)
        .finally(() => running.delete(job.name)),
    );
  };
  const timers = jobs.map((job) => {
    const timer = setInterval(() => tick(job), job.everySeconds * 1000);
    timer.unref();
    tick(job);
    return timer;
  });
  return {
    kind: 'in-process',
    queueDepth: async () => running.size,
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
