import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../contracts/session-record';
import {
  historyArb,
  instantArb,
  oneIn,
  oracleWall,
  sessionAt,
  zoneArb,
} from './progress-arbitraries';
import { computeStreaks, countsForStreak, practisedDays } from './streaks';

const DAY = 86_400_000;
const MINUTE = 60_000;

function at(iso: string, timeZone: string, overrides: Partial<SessionRecord> = {}) {
  return sessionAt(Date.parse(iso), timeZone, overrides);
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** A straightforward reading of the rules, with days from a fresh Intl formatter. */
function oracle(sessions: readonly SessionRecord[], today: string) {
  const days = new Set(
    sessions
      .filter((s) => s.status === 'completed' || s.activeMs >= MINUTE)
      .map((s) => oracleWall(Date.parse(s.startedAt), s.timeZone).day),
  );
  const runThrough = (day: string) => {
    let length = 0;
    for (let d = day; days.has(d); d = shiftDay(d, -1)) length += 1;
    for (let d = shiftDay(day, 1); days.has(d); d = shiftDay(d, 1)) length += 1;
    return length;
  };
  const anchor = days.has(today) ? today : shiftDay(today, -1);
  const sorted = [...days].sort();
  return {
    current: runThrough(anchor),
    longest: Math.max(0, ...sorted.map(runThrough)),
    lastPracticeDay: sorted.at(-1) ?? null,
    practisedToday: days.has(today),
  };
}

/** Mostly one session a day for weeks (so streaks get long), with gaps and travel. */
const dailyHistoryArb = fc
  .record({
    start: instantArb,
    home: zoneArb,
    days: fc.array(
      fc.record({
        skip: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
        minute: fc.integer({ min: 0, max: 1439 }),
        travel: oneIn(zoneArb, 6),
        short: oneIn(fc.integer({ min: 0, max: 120_000 }), 8),
      }),
      { maxLength: 45 },
    ),
  })
  .map(({ start, home, days }) =>
    days.flatMap((day, index) =>
      day.skip
        ? []
        : [
            sessionAt(
              Math.floor(start / DAY) * DAY + index * DAY + day.minute * MINUTE,
              day.travel ?? home,
              day.short === null ? {} : { status: 'partial', activeMs: day.short },
            ),
          ],
    ),
  );

const anyHistoryArb = fc.oneof(historyArb(), dailyHistoryArb);

/** A history and a "today" near its sessions (or anywhere in the windows). */
const scenarioArb = anyHistoryArb.chain((sessions) =>
  fc.record({
    sessions: fc.constant(sessions),
    today: fc.oneof(
      instantArb.chain((ms) => zoneArb.map((zone) => oracleWall(ms, zone).day)),
      ...(sessions.length > 0
        ? [
            fc
              .tuple(fc.constantFrom(...sessions), fc.integer({ min: -1, max: 2 }))
              .map(([s, n]) => shiftDay(oracleWall(Date.parse(s.startedAt), s.timeZone).day, n)),
          ]
        : []),
    ),
  }),
);

describe('countsForStreak', () => {
  it('counts completed sessions and partial ones of a minute or more', () => {
    const session = at('2025-06-01T08:00:00Z', 'UTC');
    expect(countsForStreak(session)).toBe(true);
    expect(countsForStreak({ status: 'partial', activeMs: 59_999 })).toBe(false);
    expect(countsForStreak({ status: 'partial', activeMs: 60_000 })).toBe(true);
    expect(countsForStreak({ status: 'completed', activeMs: 30_000 })).toBe(true);
  });
});

describe('computeStreaks', () => {
  it('is all zeros without sessions', () => {
    expect(computeStreaks([], { today: '2025-06-01' })).toEqual({
      current: 0,
      longest: 0,
      lastPracticeDay: null,
      practisedToday: false,
    });
  });

  it('keeps a streak alive through today until today is practised', () => {
    const sessions = [
      at('2025-05-30T08:00:00Z', 'Europe/London'),
      at('2025-05-31T08:00:00Z', 'Europe/London'),
    ];
    expect(computeStreaks(sessions, { today: '2025-06-01' })).toEqual({
      current: 2,
      longest: 2,
      lastPracticeDay: '2025-05-31',
      practisedToday: false,
    });
    const practised = [...sessions, at('2025-06-01T20:00:00Z', 'Europe/London')];
    expect(computeStreaks(practised, { today: '2025-06-01' })).toMatchObject({
      current: 3,
      practisedToday: true,
    });
    expect(computeStreaks(sessions, { today: '2025-06-02' })).toMatchObject({
      current: 0,
      longest: 2,
    });
  });

  it('does not count a partial session under a minute', () => {
    const sessions = [
      at('2025-05-31T08:00:00Z', 'UTC'),
      at('2025-06-01T08:00:00Z', 'UTC', {
        status: 'partial',
        activeMs: 59_999,
        breathsCompleted: 5,
      }),
    ];
    expect(computeStreaks(sessions, { today: '2025-06-01' })).toMatchObject({
      current: 1,
      practisedToday: false,
      lastPracticeDay: '2025-05-31',
    });
    sessions.push(at('2025-06-01T09:00:00Z', 'UTC', { status: 'partial', activeMs: 60_000 }));
    expect(computeStreaks(sessions, { today: '2025-06-01' })).toMatchObject({
      current: 2,
      practisedToday: true,
    });
  });

  it('puts both ends of New York’s 23-hour spring-forward day on that one day', () => {
    const sessions = [
      at('2025-03-08T23:00:00Z', 'America/New_York'), // 8 Mar 18:00 EST
      at('2025-03-09T05:30:00Z', 'America/New_York'), // 9 Mar 00:30 EST
      at('2025-03-10T03:30:00Z', 'America/New_York'), // 9 Mar 23:30 EDT
      at('2025-03-10T12:00:00Z', 'America/New_York'), // 10 Mar 08:00 EDT
    ];
    expect(practisedDays(sessions)).toEqual(['2025-03-08', '2025-03-09', '2025-03-10']);
    expect(computeStreaks(sessions, { today: '2025-03-10' }).current).toBe(3);
  });

  it('puts both ends of New York’s 25-hour fall-back day on that one day', () => {
    const sessions = [
      at('2025-11-02T04:30:00Z', 'America/New_York'), // 2 Nov 00:30 EDT
      at('2025-11-03T04:30:00Z', 'America/New_York'), // 2 Nov 23:30 EST
    ];
    expect(practisedDays(sessions)).toEqual(['2025-11-02']);
  });

  it('places each session on its own local day when travelling', () => {
    // One hour apart, both on 1 June in UTC; 2 June in Tokyo, then 1 June in New York.
    const sessions = [
      at('2025-06-01T22:00:00Z', 'Asia/Tokyo'),
      at('2025-06-01T23:00:00Z', 'America/New_York'),
    ];
    expect(practisedDays(sessions)).toEqual(['2025-06-01', '2025-06-02']);
    expect(computeStreaks(sessions, { today: '2025-06-02' }).current).toBe(2);
  });

  it('breaks the streak when the date line swallows a day, even 12 hours apart', () => {
    const sessions = [
      at('2025-06-02T07:00:00Z', 'Pacific/Pago_Pago'), // 1 Jun 20:00 (−11)
      at('2025-06-02T19:00:00Z', 'Pacific/Kiritimati'), // 3 Jun 09:00 (+14)
    ];
    expect(computeStreaks(sessions, { today: '2025-06-03' })).toMatchObject({
      current: 1,
      longest: 1,
    });
  });

  it('counts a day after today (flown east across the date line) in the run it touches', () => {
    const sessions = [
      at('2025-06-01T09:00:00Z', 'Pacific/Kiritimati'), // 1 Jun 23:00 (+14)
      at('2025-06-02T09:00:00Z', 'Pacific/Kiritimati'), // 2 Jun 23:00 (+14)
      at('2025-06-02T10:30:00Z', 'Pacific/Pago_Pago'), // 1 Jun 23:30 (−11)
    ];
    // Now in Pago Pago it is still 1 June.
    expect(computeStreaks(sessions, { today: '2025-06-01' })).toEqual({
      current: 2,
      longest: 2,
      lastPracticeDay: '2025-06-02',
      practisedToday: true,
    });
  });

  it('falls back to the offset in startedAt for a zone this runtime does not know', () => {
    const session = {
      ...at('2025-06-01T00:00:00Z', 'UTC'),
      startedAt: '2025-06-01T23:30:00+02:00',
      timeZone: 'Mars/Olympus_Mons',
    };
    expect(practisedDays([session])).toEqual(['2025-06-01']);
  });

  it('matches a plain reading of the rules for random histories, zones and DST days', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sessions, today }) => {
        expect(computeStreaks(sessions, { today })).toEqual(oracle(sessions, today));
      }),
      { numRuns: 400 },
    );
  });

  it('never lowers a streak when a counted session is added', () => {
    fc.assert(
      fc.property(scenarioArb, instantArb, zoneArb, ({ sessions, today }, ms, zone) => {
        const before = computeStreaks(sessions, { today });
        const after = computeStreaks([...sessions, sessionAt(ms, zone)], { today });
        expect(after.longest).toBeGreaterThanOrEqual(before.longest);
        expect(after.current).toBeGreaterThanOrEqual(before.current);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps current ≤ longest, and ignores input order', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc
            .shuffledSubarray(s.sessions, { minLength: s.sessions.length })
            .map((shuffled) => ({ ...s, shuffled })),
        ),
        ({ sessions, shuffled, today }) => {
          const streaks = computeStreaks(sessions, { today });
          expect(streaks.current).toBeLessThanOrEqual(streaks.longest);
          expect(computeStreaks(shuffled, { today })).toEqual(streaks);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('resets the current streak at a gap day: nothing before the gap matters', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 10 }), ({ sessions, today }, k) => {
        const gap = shiftDay(today, -k);
        const dayOf = (s: SessionRecord) => oracleWall(Date.parse(s.startedAt), s.timeZone).day;
        const withGap = sessions.filter((s) => dayOf(s) !== gap);
        const afterGap = withGap.filter((s) => dayOf(s) > gap);
        expect(computeStreaks(withGap, { today }).current).toBe(
          computeStreaks(afterGap, { today }).current,
        );
      }),
      { numRuns: 200 },
    );
  });
});
