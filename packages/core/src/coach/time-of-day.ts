import type { TimeOfDay } from './contracts';

/** The part of the day a local hour (0–23) falls in, as the feedback request names it. */
export function timeOfDayForHour(hour: number): TimeOfDay {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}
