import type { Job, JobContext, JobResult } from './job';

/** Runs one job and logs what it did; failures are logged and rethrown to the scheduler. */
export async function runJob(job: Job, ctx: JobContext, data?: unknown): Promise<JobResult> {
  try {
    const result = await job.run(ctx, data);
    if (Object.values(result).some((count) => count > 0)) {
      ctx.log.info({ job: job.name, ...result }, 'job ran');
    }
    return result;
  } catch (err) {
    ctx.log.error({ err, job: job.name }, 'job failed');
    throw err;
  }
}
