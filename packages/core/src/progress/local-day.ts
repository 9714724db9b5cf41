/**
 * A calendar day written 'YYYY-MM-DD' (proleptic Gregorian), attached to no time zone.
 * Day arithmetic works on whole days, so it is unaffected by 23- and 25-hour DST days.
 */
export type CalendarDay = string;

/** A wall-clock time of day, 'HH:MM' on a 24-hour clock. */
export type ClockTime = string;

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Days since 1970-01-01 from a civil date and back, by integer arithmetic (Howard
// Hinnant's algorithms), so no Date and no machine time zone is involved.
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilOf(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] ?? 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isCalendarDay(value: string): boolean {
  const match = CALENDAR_DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01. @throws RangeError when `day` is not a real 'YYYY-MM-DD' date. */
export function toEpochDay(day: CalendarDay): number {
  if (!isCalendarDay(day)) {
    throw new RangeError(`Expected a calendar day such as 2025-03-30, got "${day}"`);
  }
  return epochDayOf(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

export function fromEpochDay(epochDay: number): CalendarDay {
  const { year, month, day } = civilOf(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  if (!Number.isInteger(days))
    throw new RangeError(`addDays: days must be an integer, got ${days}`);
  return fromEpochDay(toEpochDay(day) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CalendarDay): number {
  return isoWeekdayOfEpochDay(toEpochDay(day));
}

/** The Monday that starts the ISO week holding `day`. */
export function isoWeekStart(day: CalendarDay): CalendarDay {
  const epochDay = toEpochDay(day);
  return fromEpochDay(epochDay - isoWeekdayOfEpochDay(epochDay) + 1);
}

/** 'HH:MM' → hour and minute. @throws RangeError for anything but 00:00–23:59. */
export function parseClockTime(time: ClockTime): { hour: number; minute: number } {
  const match = CLOCK_TIME.exec(time);
  if (!match) throw new RangeError(`Expected a time such as 08:00 (00:00–23:59), got "${time}"`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function formatClockTime(minuteOfDay: number): ClockTime {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** The number written by the digits in [from, to), or -1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function invalidInstant(iso: string): RangeError {
  return new RangeError(`Expected an ISO instant such as 2025-03-30T07:30:00Z, got "${iso}"`);
}

// Reused by parseInstant, which copies the result out before returning.
const parsedInstant = new Float64Array(2);

/**
 * An ISO 8601 instant in the shape SessionRecord times have (zod's iso.datetime with an
 * offset: `YYYY-MM-DDTHH:MM:SS`, optional fraction, `Z` or `±HH:MM`): its epoch
 * milliseconds and the offset it was written with. Parsed by hand: engines disagree on
 * fractions finer than milliseconds, and a long history parses thousands of these.
 * @throws RangeError when `iso` is not such an instant.
 */
export function parseInstant(iso: string): { epochMs: number; offsetMs: number } {
  parseInstantInto(iso, parsedInstant);
  return { epochMs: parsedInstant[0] as number, offsetMs: parsedInstant[1] as number };
}

/**
 * parseInstant writing `[epochMs, offsetMs]` into `out` instead of returning an object:
 * a progress computation parses every session's start, and an object per parse was a
 * good part of the garbage that made a long history slow to summarise.
 */
export function parseInstantInto(iso: string, out: Float64Array): void {
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 7);
  const day = digitsAt(iso, 8, 10);
  const hour = digitsAt(iso, 11, 13);
  const minute = digitsAt(iso, 14, 16);
  const second = digitsAt(iso, 17, 19);
  if (
    iso[4] !== '-' ||
    iso[7] !== '-' ||
    iso[10] !== 'T' ||
    iso[13] !== ':' ||
    iso[16] !== ':' ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    throw invalidInstant(iso);
  }
  let at = 19;
  let millisecond = 0;
  if (iso[at] === '.') {
    const start = at + 1;
    at = start;
    while (digitsAt(iso, at, at + 1) >= 0) at += 1;
    if (at === start) throw invalidInstant(iso);
    const kept = Math.min(at - start, 3);
    millisecond = digitsAt(iso, start, start + kept) * 10 ** (3 - kept);
  }
  const sign = iso[at];
  let offsetMs = 0;
  if (sign === '+' || sign === '-') {
    const offsetHour = digitsAt(iso, at + 1, at + 3);
    const offsetMinute = digitsAt(iso, at + 4, at + 6);
    if (iso.length !== at + 6 || iso[at + 3] !== ':' || offsetHour < 0 || offsetHour > 23) {
      throw invalidInstant(iso);
    }
    if (offsetMinute < 0 || offsetMinute > 59) throw invalidInstant(iso);
    offsetMs = (sign === '-' ? -1 : 1) * (offsetHour * HOUR_MS + offsetMinute * MINUTE_MS);
  } else if (sign !== 'Z' || iso.length !== at + 1) {
    throw invalidInstant(iso);
  }
  const wallMs =
    epochDayOf(year, month, day) * DAY_MS +
    hour * HOUR_MS +
    minute * MINUTE_MS +
    second * 1000 +
    millisecond;
  out[0] = wallMs - offsetMs;
  out[1] = offsetMs;
}

function toEpochMs(instant: string | number): number {
  if (typeof instant === 'string') return parseInstant(instant).epochMs;
  if (!Number.isFinite(instant))
    throw new RangeError(`Expected epoch milliseconds, got ${instant}`);
  return instant;
}

interface ZoneClock {
  format: Intl.DateTimeFormat;
  /** Per UTC day (epoch day): the offset all day long, or NaN when it changes that day. */
  dayOffsets: Map<number, number>;
  /** The offset at the start of each UTC day looked at so far. */
  dayStartOffsets: Map<number, number>;
  /** Exact offsets looked up on days whose offset changes, by whole second. */
  changeDayOffsets: Map<number, number>;
}

// One formatter per zone: creating an Intl.DateTimeFormat costs far more than using one,
// and formatToParts itself (~5 µs) is too slow to call for every session of a long history.
const zoneClocks = new Map<string, ZoneClock | null>();

function zoneClockOrNull(timeZone: string): ZoneClock | null {
  let clock = zoneClocks.get(timeZone);
  if (clock === undefined) {
    try {
      clock = {
        format: new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        }),
        dayOffsets: new Map(),
        dayStartOffsets: new Map(),
        changeDayOffsets: new Map(),
      };
    } catch {
      clock = null;
    }
    zoneClocks.set(timeZone, clock);
  }
  return clock;
}

/** Whether this runtime's time-zone data knows `timeZone`. */
export function isKnownTimeZone(timeZone: string): boolean {
  return zoneClockOrNull(timeZone) !== null;
}

function exactOffsetMs(format: Intl.DateTimeFormat, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of format.formatToParts(wholeSecond)) {
    const value = Number(part.value);
    if (part.type === 'year') year = value;
    else if (part.type === 'month') month = value;
    else if (part.type === 'day') day = value;
    // Some engines ignored hourCycle and wrote midnight as 24.
    else if (part.type === 'hour') hour = value % 24;
    else if (part.type === 'minute') minute = value;
    else if (part.type === 'second') second = value;
  }
  const wallMs =
    epochDayOf(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000;
  return wallMs - wholeSecond;
}

function dayStartOffset(clock: ZoneClock, epochDay: number): number {
  let offset = clock.dayStartOffsets.get(epochDay);
  if (offset === undefined) {
    offset = exactOffsetMs(clock.format, epochDay * DAY_MS);
    clock.dayStartOffsets.set(epochDay, offset);
  }
  return offset;
}

// Looked up exactly, and kept: a history has sessions on DST days every year, and the
// progress screen times the same sessions on every visit.
function changeDayOffset(clock: ZoneClock, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  let offset = clock.changeDayOffsets.get(wholeSecond);
  if (offset === undefined) {
    offset = exactOffsetMs(clock.format, wholeSecond);
    clock.changeDayOffsets.set(wholeSecond, offset);
  }
  return offset;
}

// Cached per UTC day: when a day starts and ends on the same offset the whole day has it
// (no zone changes its offset and back again within one day); on the rare days whose
// ends differ (a DST change), the instant is looked up exactly.
function offsetOf(clock: ZoneClock, epochMs: number): number {
  const utcDay = Math.floor(epochMs / DAY_MS);
  let offset = clock.dayOffsets.get(utcDay);
  if (offset === undefined) {
    const atStart = dayStartOffset(clock, utcDay);
    offset = atStart === dayStartOffset(clock, utcDay + 1) ? atStart : Number.NaN;
    clock.dayOffsets.set(utcDay, offset);
  }
  return Number.isNaN(offset) ? changeDayOffset(clock, epochMs) : offset;
}

/** Like utcOffsetMs, but null for a zone this runtime does not know. */
export function utcOffsetOrNull(epochMs: number, timeZone: string): number | null {
  const clock = zoneClockOrNull(timeZone);
  return clock ? offsetOf(clock, epochMs) : null;
}

/**
 * The zone's UTC offset at an instant (local wall clock − UTC), in milliseconds.
 * @throws RangeError for a zone this runtime does not know.
 */
export function utcOffsetMs(epochMs: number, timeZone: string): number {
  const offset = utcOffsetOrNull(epochMs, timeZone);
  if (offset === null) throw new RangeError(`Unknown time zone "${timeZone}" on this device`);
  return offset;
}

export interface LocalDateTime {
  day: CalendarDay;
  /** Days since 1970-01-01 of `day`. */
  epochDay: number;
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
  /** The wall-clock time, 'HH:MM'. */
  time: ClockTime;
}

/** Local wall-clock milliseconds (as if UTC) → day and minute. */
function localDateTimeOfWallMs(wallMs: number): LocalDateTime {
  const epochDay = Math.floor(wallMs / DAY_MS);
  const minuteOfDay = Math.floor((wallMs - epochDay * DAY_MS) / MINUTE_MS);
  return { day: fromEpochDay(epochDay), epochDay, minuteOfDay, time: formatClockTime(minuteOfDay) };
}

/** The calendar day and wall-clock time of an instant in `timeZone`. */
export function localDateTime(instant: string | number, timeZone: string): LocalDateTime {
  const epochMs = toEpochMs(instant);
  return localDateTimeOfWallMs(epochMs + utcOffsetMs(epochMs, timeZone));
}

/**
 * The calendar day on which `instant` falls in `timeZone` (an IANA name).
 * @throws RangeError for an unparsable instant or a zone this runtime does not know.
 */
export function localDay(instant: string | number, timeZone: string): CalendarDay {
  return localDateTime(instant, timeZone).day;
}

export interface ResolvedLocalTime {
  epochMs: number;
  /**
   * How far the wall clock at `epochMs` is after the time asked for: 0, except when that
   * time does not exist on that day (a DST gap), where it is the length of the gap.
   */
  gapMs: number;
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `day`, resolved the
 * way iCalendar (RFC 5545) and Temporal's 'compatible' option do:
 * - a time skipped by a DST gap is read with the offset from before the gap, so it moves
 *   later by the gap's length (02:30 on New York's spring-forward day → 03:30 EDT;
 *   02:15 on Lord Howe's → 02:45);
 * - a time that happens twice (fall back) resolves to its first occurrence.
 * Assumes at most one offset change within a day either side, which holds for every zone in use.
 */
export function instantAtLocalTime(
  day: CalendarDay,
  time: ClockTime,
  timeZone: string,
): ResolvedLocalTime {
  const { hour, minute } = parseClockTime(time);
  const wallMs = toEpochDay(day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS;
  const before = utcOffsetMs(wallMs - DAY_MS, timeZone);
  const after = utcOffsetMs(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - before, wallMs - after].filter(
    (epochMs) => epochMs + utcOffsetMs(epochMs, timeZone) === wallMs,
  );
  if (candidates.length > 0) return { epochMs: Math.min(...candidates), gapMs: 0 };
  return { epochMs: wallMs - before, gapMs: after - before };
}
