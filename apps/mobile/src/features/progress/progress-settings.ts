import type { SettingsRepository } from '@/lib/storage/types';

/** Settings key: whether streaks are shown (some people find them stressful). */
export const SHOW_STREAKS_KEY = 'progress.showStreaks';

export function readShowStreaks(settings: SettingsRepository): Promise<boolean> {
  return settings.get<boolean>(SHOW_STREAKS_KEY, true);
}
