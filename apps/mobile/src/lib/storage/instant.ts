const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

/**
 * Milliseconds since the epoch for an ISO 8601 instant with `Z` or a `±HH:MM` offset, or
 * null when the text is not one. Parsed by hand rather than with Date.parse: engines
 * (Hermes among them) disagree on fractions longer than milliseconds, and the sort key
 * must not depend on the device.
 */
export function instantMs(iso: string): number | null {
  const match = ISO_INSTANT.exec(iso);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zulu, sign, offsetH, offsetM] =
    match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(
    Number(hour),
    Number(minute),
    Number(second),
    Number(fraction.slice(0, 3).padEnd(3, '0')),
  );
  const offsetMinutes = zulu
    ? 0
    : (sign === '-' ? -1 : 1) * (Number(offsetH) * 60 + Number(offsetM));
  return date.getTime() - offsetMinutes * 60_000;
}
