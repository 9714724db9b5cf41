import type { ProgressRuntime } from './load-runtime';

/** Web: progress, reminder and retention code arrive in one chunk, after the first screen. */
export function loadProgressRuntime(): Promise<ProgressRuntime> {
  return import('./progress-runtime');
}
