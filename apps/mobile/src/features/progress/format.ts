import type { CalendarDay } from '@exhale/core/progress';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// Formatted from the day's own digits, never through Date: a calendar day has no zone, and
// Date would shift it by the device's offset.
export function dayText(day: CalendarDay): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1] ?? ''} ${year}`;
}

export function shortDayText(day: CalendarDay): string {
  const [, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1] ?? ''}`;
}

/** 'YYYY-MM' → 'November 2026'. */
export function monthText(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return `${MONTHS_LONG[index - 1] ?? ''} ${year}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "45 minutes", "3 h 5 min", then whole hours from ten: short enough for a phone tile. */
export function durationMinutesText(minutes: number): string {
  if (minutes < 120) return plural(minutes, 'minute');
  if (minutes < 600) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return plural(Math.round(minutes / 60), 'hour');
}
