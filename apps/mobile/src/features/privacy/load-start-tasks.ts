import * as startTasks from './start-tasks';

/** Native: already in the bundle. The web version loads it after the first screen. */
export function loadStartTasks(): Promise<typeof startTasks> {
  return Promise.resolve(startTasks);
}
