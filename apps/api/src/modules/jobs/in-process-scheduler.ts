import type { BaseJobContext, Job, JobContext, RunningJobs } from './job';
import { runJob } from './run-job';

/**
 * Runs each periodic job every `everySeconds` in this process, the first time right away;
 * a run still going when the next is due is not doubled. Deferred runs are timers, lost if
 * the process stops first. For PGlite, whose single process is the only one using it.
 */
export function startInProcessJobs(jobs: readonly Job[], base: BaseJobContext): RunningJobs {
  const running = new Set<Promise<unknown>>();
  const periodic = new Set<string>();
  const deferred = new Set<NodeJS.Timeout>();
  let stopped = false;

  const track = (job: Job, data?: unknown) => {
    const run = runJob(job, ctx, data)
      .catch(() => undefined)
      .finally(() => running.delete(run));
    running.add(run);
    return run;
  };
  const ctx: JobContext = {
    ...base,
    async defer(name, data, delayMs) {
      const job = jobs.find((candidate) => candidate.name === name);
      if (!job) throw new Error(`No job named ${name}`);
      const timer = setTimeout(() => {
        deferred.delete(timer);
        if (!stopped) void track(job, data);
      }, delayMs);
      timer.unref();
      deferred.add(timer);
    },
  };
  const tick = (job: Job) => {
    if (stopped || periodic.has(job.name)) return;
    periodic.add(job.name);
    void track(job).finally(() => periodic.delete(job.name));
  };
  const timers = jobs.flatMap((job) => {
    if (!job.schedule) return [];
    const timer = setInterval(() => tick(job), job.schedule.everySeconds * 1000);
    timer.unref();
    tick(job);
    return [timer];
  });
  return {
    kind: 'in-process',
    queueDepth: async () => running.size + deferred.size,
    async stop() {
      stopped = true;
      for (const timer of [...timers, ...deferred]) clearTimeout(timer);
      deferred.clear();
      await Promise.all(running);
    },
  };
}
