const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * 'YYYY-MM-DD' naming a real day (2025-02-29 is not). The same rule as core's
 * isCalendarDay, kept here so the storage chunk does not pull core's whole progress module
 * into the web bundle's shared, first-loaded part (Metro shares what two lazy chunks use).
 */
export function isStoredCalendarDay(value: string): boolean {
  const match = CALENDAR_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is this month's last day (UTC: no DST involved).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
