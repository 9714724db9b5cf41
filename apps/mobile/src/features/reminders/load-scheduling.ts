import * as reminders from './reminders';
import * as syncNow from './sync-now';

const scheduling = { ...reminders, ...syncNow };

/**
 * The reminder scheduling code. Native: already in the bundle. The web version loads it
 * on first use instead, to keep it out of the first screen's download.
 */
export function loadScheduling(): Promise<typeof scheduling> {
  return Promise.resolve(scheduling);
}
