import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addDays,
  daysBetween,
  fromEpochDay,
  instantAtLocalTime,
  isCalendarDay,
  isKnownTimeZone,
  isoWeekday,
  isoWeekStart,
  localDateTime,
  localDay,
  parseClockTime,
  parseInstant,
  toEpochDay,
  utcOffsetMs,
} from './local-day';
import { hhmm, oracleWall, zoneArb, zonedInstantArb } from './progress-arbitraries';

const MINUTE = 60_000;
const HOUR = 3_600_000;

const dayArb = fc
  .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('calendar days', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
  });

  it('counts whole days across DST changes (the strings carry no zone)', () => {
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
    expect(daysBetween('2025-11-03', '2025-11-01')).toBe(-2);
  });

  it('names ISO weekdays and week starts', () => {
    expect(isoWeekday('2025-03-10')).toBe(1);
    expect(isoWeekday('2025-03-16')).toBe(7);
    expect(isoWeekStart('2025-03-16')).toBe('2025-03-10');
    expect(isoWeekStart('2025-03-10')).toBe('2025-03-10');
    expect(isoWeekStart('2026-01-01')).toBe('2025-12-29');
    expect(isoWeekStart('1970-01-01')).toBe('1969-12-29');
  });

  it('agrees with Date for any day and offset', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -5000, max: 5000 }), (day, n) => {
        const utc = Date.parse(`${day}T00:00:00Z`);
        expect(toEpochDay(day)).toBe(utc / 86_400_000);
        expect(addDays(day, n)).toBe(new Date(utc + n * 86_400_000).toISOString().slice(0, 10));
        expect(daysBetween(day, addDays(day, n))).toBe(n);
        expect(isoWeekday(day)).toBe(((new Date(utc).getUTCDay() + 6) % 7) + 1);
        const monday = isoWeekStart(day);
        expect(isoWeekday(monday)).toBe(1);
        expect(daysBetween(monday, day)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, day)).toBeLessThan(7);
      }),
    );
  });

  it('round-trips epoch days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500_000, max: 2_500_000 }), (n) => {
        expect(toEpochDay(fromEpochDay(n))).toBe(n);
      }),
    );
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-4-1', '20250401', ''])(
    'rejects %j',
    (day) => {
      expect(isCalendarDay(day)).toBe(false);
      expect(() => toEpochDay(day)).toThrow(RangeError);
      expect(() => addDays(day, 1)).toThrow(RangeError);
    },
  );

  it('accepts 29 February in leap years only', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2000-02-29')).toBe(true);
    expect(isCalendarDay('1900-02-29')).toBe(false);
  });
});

describe('clock times and instants', () => {
  it('parses HH:MM', () => {
    expect(parseClockTime('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseClockTime('21:30')).toEqual({ hour: 21, minute: 30 });
    for (const bad of ['24:00', '7:30', '07:60', '07:30:00', 'noon']) {
      expect(() => parseClockTime(bad)).toThrow(RangeError);
    }
  });

  it('parses the instants session records hold, with any offset', () => {
    expect(parseInstant('2025-03-30T03:02:00+02:00')).toEqual({
      epochMs: Date.UTC(2025, 2, 30, 1, 2),
      offsetMs: 2 * HOUR,
    });
    expect(parseInstant('2025-03-30T01:02:00.123456Z').epochMs).toBe(
      Date.UTC(2025, 2, 30, 1, 2, 0, 123),
    );
    expect(parseInstant('2025-01-01T00:30:00-03:30').offsetMs).toBe(-3.5 * HOUR);
    for (const bad of ['2025-03-30T03:02:00', '2025-02-30T00:00:00Z', '2025-03-30T24:00:00Z']) {
      expect(() => parseInstant(bad)).toThrow(RangeError);
    }
  });

  it('accepts exactly the instants a session record may hold, at the same moment', () => {
    const schema = z.iso.datetime({ offset: true });
    const offsetArb = fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(
          fc.constantFrom('+', '-'),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
        )
        .map(
          ([sign, h, m]) => `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
        ),
    );
    const validArb = fc
      .tuple(
        fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }),
        fc.constantFrom('', '.5', '.123', '.123456789'),
        offsetArb,
      )
      .map(
        ([ms, fraction, offset]) =>
          `${new Date(ms).toISOString().slice(0, 19)}${fraction}${offset}`,
      );
    // Valid instants with one character replaced by another from the same alphabet.
    const mutatedArb = fc
      .tuple(validArb, fc.nat(), fc.constantFrom(...'0123456789-:+.TZtz 9'))
      .map(([text, at, char]) => {
        const i = at % text.length;
        return text.slice(0, i) + char + text.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(validArb, mutatedArb), (text) => {
        const accepted = schema.safeParse(text).success;
        if (accepted) {
          const { epochMs } = parseInstant(text);
          expect(epochMs).toBe(Date.parse(text.replace(/(\.\d{3})\d+/, '$1')));
        } else {
          expect(() => parseInstant(text)).toThrow(RangeError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('localDay', () => {
  it.each([
    // The same instant is a different day on either side of the world.
    ['2025-06-01T23:30:00Z', 'Asia/Tokyo', '2025-06-02'],
    ['2025-06-01T23:30:00Z', 'America/New_York', '2025-06-01'],
    ['2025-06-01T10:30:00Z', 'Pacific/Kiritimati', '2025-06-02'],
    ['2025-06-01T10:30:00Z', 'Pacific/Pago_Pago', '2025-05-31'],
    ['2025-06-01T18:29:00Z', 'Asia/Kolkata', '2025-06-01'],
    ['2025-06-01T18:30:00Z', 'Asia/Kolkata', '2025-06-02'],
    // New York's 23-hour day: 23:59 EDT is 03:59Z the next UTC day.
    ['2025-03-10T03:59:00Z', 'America/New_York', '2025-03-09'],
    ['2025-03-09T05:00:00Z', 'America/New_York', '2025-03-09'],
    // …and its 25-hour day: 23:59 EST.
    ['2025-11-03T04:59:00Z', 'America/New_York', '2025-11-02'],
    ['2025-11-03T05:00:00Z', 'America/New_York', '2025-11-03'],
    // Lord Howe (+10:30 / +11) and Chatham (+12:45 / +13:45) around their changes.
    ['2025-10-04T13:30:00Z', 'Australia/Lord_Howe', '2025-10-05'],
    ['2025-10-04T13:29:00Z', 'Australia/Lord_Howe', '2025-10-04'],
    ['2025-10-05T12:59:00Z', 'Australia/Lord_Howe', '2025-10-05'],
    ['2025-10-05T13:00:00Z', 'Australia/Lord_Howe', '2025-10-06'],
    ['2025-09-27T11:15:00Z', 'Pacific/Chatham', '2025-09-28'],
    ['2025-09-27T11:14:00Z', 'Pacific/Chatham', '2025-09-27'],
    ['2025-09-28T10:14:00Z', 'Pacific/Chatham', '2025-09-28'],
    ['2025-09-28T10:15:00Z', 'Pacific/Chatham', '2025-09-29'],
    // An instant written with a different offset from its zone.
    ['2025-03-30T03:02:00+02:00', 'America/New_York', '2025-03-29'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(localDay(instant, zone)).toBe(day);
    expect(localDay(Date.parse(instant), zone)).toBe(day);
  });

  it('matches a fresh Intl formatter for any instant and zone (cache included)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          zonedInstantArb,
          fc.record({
            zone: zoneArb,
            epochMs: fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2060, 0, 1) }),
          }),
        ),
        ({ epochMs, zone }) => {
          const expected = oracleWall(epochMs, zone);
          const actual = localDateTime(epochMs, zone);
          expect(actual.day).toBe(expected.day);
          expect(actual.minuteOfDay).toBe(expected.minuteOfDay);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the exact minute of a DST change', () => {
    // New York springs forward at 07:00Z on 9 March 2025 (02:00 EST → 03:00 EDT).
    const change = Date.UTC(2025, 2, 9, 7);
    expect(utcOffsetMs(change - 1, 'America/New_York')).toBe(-5 * HOUR);
    expect(utcOffsetMs(change, 'America/New_York')).toBe(-4 * HOUR);
    expect(localDateTime(change - MINUTE, 'America/New_York').time).toBe('01:59');
    expect(localDateTime(change, 'America/New_York').time).toBe('03:00');
    // Lord Howe moves 30 minutes at 15:30Z (02:00 → 02:30), Chatham an hour at 14:00Z.
    expect(localDateTime('2025-10-04T15:29:00Z', 'Australia/Lord_Howe').time).toBe('01:59');
    expect(localDateTime('2025-10-04T15:30:00Z', 'Australia/Lord_Howe').time).toBe('02:30');
    expect(localDateTime('2025-09-27T13:59:00Z', 'Pacific/Chatham').time).toBe('02:44');
    expect(localDateTime('2025-09-27T14:00:00Z', 'Pacific/Chatham').time).toBe('03:45');
  });

  it('rejects an unknown zone and a bad instant', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(() => localDay(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDay('yesterday', 'UTC')).toThrow(RangeError);
    expect(() => localDay(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});

describe('instantAtLocalTime', () => {
  const iso = (ms: number) => new Date(ms).toISOString();

  it('returns the plain instant on an ordinary day', () => {
    const { epochMs, gapMs } = instantAtLocalTime('2025-06-01', '08:00', 'Europe/London');
    expect(iso(epochMs)).toBe('2025-06-01T07:00:00.000Z');
    expect(gapMs).toBe(0);
  });

  it('moves a time skipped by spring-forward later by the gap (New York 02:30 → 03:30 EDT)', () => {
    const { epochMs, gapMs } = instantAtLocalTime('2025-03-09', '02:30', 'America/New_York');
    expect(iso(epochMs)).toBe('2025-03-09T07:30:00.000Z');
    expect(gapMs).toBe(HOUR);
    expect(localDateTime(epochMs, 'America/New_York').time).toBe('03:30');
  });

  it('moves a time in a 30-minute gap by 30 minutes (Lord Howe 02:15 → 02:45)', () => {
    const { epochMs, gapMs } = instantAtLocalTime('2025-10-05', '02:15', 'Australia/Lord_Howe');
    expect(gapMs).toBe(30 * MINUTE);
    expect(localDateTime(epochMs, 'Australia/Lord_Howe').time).toBe('02:45');
  });

  it('moves a time in a gap at midnight later on the same day (Santiago 00:30 → 01:30)', () => {
    const { epochMs, gapMs } = instantAtLocalTime('2025-09-07', '00:30', 'America/Santiago');
    expect(gapMs).toBe(HOUR);
    expect(localDateTime(epochMs, 'America/Santiago')).toMatchObject({
      day: '2025-09-07',
      time: '01:30',
    });
  });

  it('takes the first of a time that happens twice (New York 01:30 on fall-back day is EDT)', () => {
    const { epochMs, gapMs } = instantAtLocalTime('2025-11-02', '01:30', 'America/New_York');
    expect(iso(epochMs)).toBe('2025-11-02T05:30:00.000Z');
    expect(gapMs).toBe(0);
  });

  it('takes the first 01:45 on Lord Howe’s fall-back day (+11, before +10:30)', () => {
    const { epochMs } = instantAtLocalTime('2025-04-06', '01:45', 'Australia/Lord_Howe');
    expect(iso(epochMs)).toBe('2025-04-05T14:45:00.000Z');
  });

  it('shows the asked time, or the first instant after a gap, for any day and zone', () => {
    fc.assert(
      fc.property(
        zonedInstantArb,
        fc.integer({ min: -90, max: 90 }),
        ({ epochMs: someInstant, zone }, jitter) => {
          // Near a change, minutes around the instant's own fall in gaps and overlaps.
          const seenThen = oracleWall(someInstant, zone);
          const { day } = seenThen;
          const minuteOfDay = Math.min(1439, Math.max(0, seenThen.minuteOfDay + jitter));
          const time = hhmm(minuteOfDay);
          const { epochMs, gapMs } = instantAtLocalTime(day, time, zone);
          // Offsets here are whole quarter hours, so these are every instant that could
          // show `time` on `day`.
          const wall = Date.parse(`${day}T${time}:00Z`);
          const showing = Array.from(
            { length: 121 },
            (_, k) => wall - (k - 60) * 15 * MINUTE,
          ).filter((candidate) => {
            const seen = oracleWall(candidate, zone);
            return seen.day === day && seen.minuteOfDay === minuteOfDay;
          });
          if (showing.length > 0) {
            expect(gapMs).toBe(0);
            expect(epochMs).toBe(Math.min(...showing));
          } else {
            expect(gapMs).toBeGreaterThan(0);
            const seen = oracleWall(epochMs, zone);
            expect(seen.day).toBe(day);
            expect(seen.minuteOfDay).toBe(minuteOfDay + gapMs / MINUTE);
            // The wall clock jumped over `time` in the minute before the gap's end.
            const before = oracleWall(epochMs - gapMs - MINUTE, zone);
            expect(Date.parse(`${before.day}T${hhmm(before.minuteOfDay)}:00Z`)).toBeLessThan(wall);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
