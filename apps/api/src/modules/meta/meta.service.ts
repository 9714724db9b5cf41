export type ZonedTime = {
  timeZone: string;
  localTime: string;
  utcTime: string;
  utcOffset: string;
};

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Describes an instant as a wall-clock time in an IANA zone, e.g. 2025-03-30T03:00:00.000+02:00. */
export function zonedTime(instant: Date, timeZone: string): ZonedTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    timeZoneName: 'longOffset',
  });
  const parts = Object.fromEntries(
    format.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  // longOffset reads "GMT+05:45", or just "GMT" when the offset is zero.
  const utcOffset = parts.timeZoneName?.replace(/^GMT/, '') || '+00:00';
  const localTime =
    `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}` +
    `.${parts.fractionalSecond}${utcOffset}`;
  return {
    // Not resolvedOptions().timeZone: Node 20's ICU renames Asia/Kolkata to Asia/Calcutta.
    timeZone,
    localTime,
    utcTime: instant.toISOString(),
    utcOffset,
  };
}
