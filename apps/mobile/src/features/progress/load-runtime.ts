import * as runtime from './progress-runtime';

export type ProgressRuntime = typeof runtime;

/** Native: in the bundle already. The web version loads it on first use. */
export function loadProgressRuntime(): Promise<ProgressRuntime> {
  return Promise.resolve(runtime);
}
