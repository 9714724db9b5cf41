import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oracleWall, zoneArb } from '../progress/progress-arbitraries';
import {
  computeSlots,
  isBookableSlot,
  zonedIso,
  type SchedulingPolicy,
  type SlotQuery,
  type WeeklyRule,
} from './slots';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function policy(overrides: Partial<SchedulingPolicy> = {}): SchedulingPolicy {
  return {
    timeZone: 'UTC',
    rules: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    horizonDays: 60,
    ...overrides,
  };
}

function query(from: string, to: string, overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    durationMinutes: 60,
    timeOff: [],
    busy: [],
    now: Date.parse(from) - DAY,
    from: Date.parse(from),
    to: Date.parse(to),
    ...overrides,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const starts = (slots: { start: number }[]) => slots.map((slot) => iso(slot.start));

describe('computeSlots', () => {
  it('lays sessions end to end through each weekly window', () => {
    const slots = computeSlots(
      policy({
        timeZone: 'Europe/Paris',
        rules: [{ weekday: 1, startMinute: 540, endMinute: 720 }],
      }),
      query('2025-06-02T00:00:00Z', '2025-06-03T00:00:00Z'),
    );
    // Monday 09:00–12:00 in Paris (UTC+2 in June).
    expect(starts(slots)).toEqual([
      '2025-06-02T07:00:00.000Z',
      '2025-06-02T08:00:00.000Z',
      '2025-06-02T09:00:00.000Z',
    ]);
    expect(slots.every((slot) => slot.end - slot.start === HOUR)).toBe(true);
  });

  it('gives a window on the spring-forward night its real length (Paris, 30 March 2025)', () => {
    // Sunday 01:00–05:00 on the wall clock, but 02:00–03:00 never happens: three real hours.
    const slots = computeSlots(
      policy({
        timeZone: 'Europe/Paris',
        rules: [{ weekday: 7, startMinute: 60, endMinute: 300 }],
      }),
      query('2025-03-29T00:00:00Z', '2025-03-31T00:00:00Z'),
    );
    expect(slots.map((slot) => zonedIso(slot.start, 'Europe/Paris'))).toEqual([
      '2025-03-30T01:00:00+01:00',
      '2025-03-30T03:00:00+02:00',
      '2025-03-30T04:00:00+02:00',
    ]);
  });

  it('gives a window on the fall-back night its real length (New York, 2 November 2025)', () => {
    // 00:00–04:00 on the wall clock holds five real hours: 01:00–02:00 happens twice.
    const slots = computeSlots(
      policy({
        timeZone: 'America/New_York',
        rules: [{ weekday: 7, startMinute: 0, endMinute: 240 }],
      }),
      query('2025-11-01T00:00:00Z', '2025-11-03T00:00:00Z'),
    );
    expect(slots.map((slot) => zonedIso(slot.start, 'America/New_York'))).toEqual([
      '2025-11-02T00:00:00-04:00',
      '2025-11-02T01:00:00-04:00',
      '2025-11-02T01:00:00-05:00',
      '2025-11-02T02:00:00-05:00',
      '2025-11-02T03:00:00-05:00',
    ]);
  });

  it('keeps the practitioner’s wall clock when only the viewer’s zone changes offset', () => {
    // Tokyo has no DST; a London viewer sees the same 10:00 JST slot an hour later in
    // local terms after London falls back (26 October 2025).
    const tokyo = policy({
      timeZone: 'Asia/Tokyo',
      rules: [{ weekday: 5, startMinute: 600, endMinute: 660 }],
    });
    const slots = computeSlots(tokyo, query('2025-10-20T00:00:00Z', '2025-11-01T00:00:00Z'));
    expect(slots.map((slot) => zonedIso(slot.start, 'Europe/London'))).toEqual([
      '2025-10-24T02:00:00+01:00',
      '2025-10-31T01:00:00+00:00',
    ]);
    expect(slots.map((slot) => zonedIso(slot.start, 'America/Los_Angeles'))).toEqual([
      '2025-10-23T18:00:00-07:00',
      '2025-10-30T18:00:00-07:00',
    ]);
  });

  it('keeps buffers clear around existing bookings and between new ones', () => {
    const p = policy({
      rules: [{ weekday: 1, startMinute: 540, endMinute: 780 }],
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
    });
    // An existing 10:00–11:00 booking blocks 09:45–11:15.
    const busy = [
      { start: Date.parse('2025-06-02T09:45:00Z'), end: Date.parse('2025-06-02T11:15:00Z') },
    ];
    const slots = computeSlots(
      p,
      query('2025-06-02T00:00:00Z', '2025-06-03T00:00:00Z', { busy, intervalMinutes: 30 }),
    );
    expect(starts(slots)).toEqual(['2025-06-02T11:30:00.000Z', '2025-06-02T12:00:00.000Z']);
    expect(slots[0]?.blocked).toEqual({
      start: Date.parse('2025-06-02T11:15:00Z'),
      end: Date.parse('2025-06-02T12:45:00Z'),
    });
  });

  it('honours minimum notice, the booking horizon and time off', () => {
    const p = policy({
      rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        startMinute: 600,
        endMinute: 660,
      })),
      minNoticeMinutes: 24 * 60,
      horizonDays: 3,
    });
    const now = Date.parse('2025-06-02T10:30:00Z');
    const timeOff = [
      { start: Date.parse('2025-06-04T00:00:00Z'), end: Date.parse('2025-06-05T00:00:00Z') },
    ];
    const slots = computeSlots(
      p,
      query('2025-06-01T00:00:00Z', '2025-06-30T00:00:00Z', { now, timeOff }),
    );
    // 3 June is inside the notice, 4 June is time off, 5 June is the horizon's last day.
    expect(starts(slots)).toEqual(['2025-06-05T10:00:00.000Z']);
  });

  it('confirms a bookable start and rejects one off the grid', () => {
    const p = policy({ rules: [{ weekday: 1, startMinute: 540, endMinute: 720 }] });
    const q = query('2025-06-01T00:00:00Z', '2025-06-03T00:00:00Z');
    expect(isBookableSlot(p, q, Date.parse('2025-06-02T10:00:00Z'))).toMatchObject({
      start: Date.parse('2025-06-02T10:00:00Z'),
    });
    expect(isBookableSlot(p, q, Date.parse('2025-06-02T10:30:00Z'))).toBeNull();
    expect(isBookableSlot(p, q, Date.parse('2025-06-02T11:30:00Z'))).toBeNull();
  });
});

describe('zonedIso', () => {
  it.each([
    ['2025-03-30T01:00:00Z', 'Europe/Paris', '2025-03-30T03:00:00+02:00'],
    ['2025-06-01T00:00:00Z', 'Asia/Kathmandu', '2025-06-01T05:45:00+05:45'],
    ['2025-01-15T12:00:00Z', 'America/St_Johns', '2025-01-15T08:30:00-03:30'],
    ['2025-12-31T11:00:00Z', 'Pacific/Kiritimati', '2026-01-01T01:00:00+14:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(zonedIso(Date.parse(instant), zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(Date.parse(instant));
  });
});

// Rules kept between 05:00 and 23:00, where none of these zones changes offset, so the
// wall clock can be checked minute by minute against Intl directly (the DST nights
// themselves are covered by the examples above).
const ruleArb = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    startMinute: fc.integer({ min: 20, max: 80 }).map((q) => q * 15),
    length: fc.integer({ min: 2, max: 24 }).map((q) => q * 15),
  })
  .map(({ weekday, startMinute, length }): WeeklyRule => ({
    weekday,
    startMinute,
    endMinute: Math.min(startMinute + length, 23 * 60),
  }));

const scenarioArb = fc.record({
  timeZone: zoneArb,
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 6 }),
  durationMinutes: fc.constantFrom(30, 45, 60, 90),
  intervalMinutes: fc.constantFrom(15, 30, 60, undefined),
  bufferBeforeMinutes: fc.constantFrom(0, 10, 15),
  bufferAfterMinutes: fc.constantFrom(0, 5, 15),
  minNoticeMinutes: fc.constantFrom(0, 60, 720),
  horizonDays: fc.integer({ min: 1, max: 21 }),
  now: fc.integer({ min: Date.UTC(2025, 2, 1), max: Date.UTC(2025, 10, 10) }),
  busyOffsets: fc.array(
    fc.tuple(fc.integer({ min: 0, max: 14 * 96 }), fc.integer({ min: 1, max: 8 })),
    {
      maxLength: 8,
    },
  ),
  timeOffOffsets: fc.array(
    fc.tuple(fc.integer({ min: 0, max: 14 * 24 }), fc.integer({ min: 1, max: 30 })),
    {
      maxLength: 2,
    },
  ),
});

function buildScenario(s: ScenarioValue) {
  const base = Math.floor(s.now / DAY) * DAY;
  const p = policy(s);
  const q: SlotQuery = {
    durationMinutes: s.durationMinutes,
    intervalMinutes: s.intervalMinutes,
    busy: s.busyOffsets.map(([at, len]) => ({
      start: base + at * 15 * MIN,
      end: base + (at + len) * 15 * MIN,
    })),
    timeOff: s.timeOffOffsets.map(([at, len]) => ({
      start: base + at * HOUR,
      end: base + (at + len) * HOUR,
    })),
    now: s.now,
    from: base,
    to: base + 15 * DAY,
  };
  return { p, q };
}

type ScenarioValue = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

describe('computeSlots properties', () => {
  it('offers only sessions of the exact length, inside a weekly window on the practitioner’s wall clock', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { p, q } = buildScenario(s);
        for (const slot of computeSlots(p, q)) {
          expect(slot.end - slot.start).toBe(s.durationMinutes * MIN);
          const start = oracleWall(slot.start, s.timeZone);
          const end = oracleWall(slot.end, s.timeZone);
          const weekday = ((Math.floor(Date.parse(`${start.day}T00:00:00Z`) / DAY) + 3) % 7) + 1;
          const inside = s.rules.some(
            (rule) =>
              rule.weekday === weekday &&
              end.day === start.day &&
              start.minuteOfDay >= rule.startMinute &&
              end.minuteOfDay <= rule.endMinute,
          );
          expect(inside).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never offers a slot that breaks notice, horizon, time off or a buffered booking', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { p, q } = buildScenario(s);
        const slots = computeSlots(p, q);
        slots.forEach((slot, i) => {
          if (i > 0) expect(slot.start).toBeGreaterThan(slots[i - 1]!.start);
          expect(slot.start).toBeGreaterThanOrEqual(
            Math.max(q.from, q.now + p.minNoticeMinutes * MIN),
          );
          expect(slot.start).toBeLessThanOrEqual(q.now + p.horizonDays * DAY);
          expect(slot.start).toBeLessThan(q.to);
          for (const off of q.timeOff)
            expect(slot.start < off.end && off.start < slot.end).toBe(false);
          const blockedStart = slot.start - p.bufferBeforeMinutes * MIN;
          const blockedEnd = slot.end + p.bufferAfterMinutes * MIN;
          for (const busy of q.busy) {
            expect(blockedStart < busy.end && busy.start < blockedEnd).toBe(false);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('offers every start on the rule grid that breaks no constraint (checked against Intl)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { p, q } = buildScenario(s);
        const offered = new Set(computeSlots(p, q).map((slot) => slot.start));
        const step = (s.intervalMinutes ?? s.durationMinutes) * MIN;
        const earliest = Math.max(q.from, q.now + p.minNoticeMinutes * MIN);
        const latest = Math.min(q.to, q.now + p.horizonDays * DAY + 1);
        // Walk every quarter hour and keep the instants whose wall clock sits on a rule's grid.
        for (let t = q.from - DAY; t < q.to + DAY; t += 15 * MIN) {
          const wall = oracleWall(t, s.timeZone);
          const weekday = ((Math.floor(Date.parse(`${wall.day}T00:00:00Z`) / DAY) + 3) % 7) + 1;
          const onGrid = s.rules.some(
            (rule) =>
              rule.weekday === weekday &&
              wall.minuteOfDay >= rule.startMinute &&
              (wall.minuteOfDay - rule.startMinute) % (step / MIN) === 0 &&
              wall.minuteOfDay + s.durationMinutes <= rule.endMinute,
          );
          if (!onGrid || t < earliest || t >= latest) continue;
          const end = t + s.durationMinutes * MIN;
          const blocked = {
            start: t - p.bufferBeforeMinutes * MIN,
            end: end + p.bufferAfterMinutes * MIN,
          };
          const clear =
            q.timeOff.every((off) => !(t < off.end && off.start < end)) &&
            q.busy.every((busy) => !(blocked.start < busy.end && busy.start < blocked.end));
          if (clear) expect(offered.has(t), new Date(t).toISOString()).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
