import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../contracts/session-record';
import { denseHistoryArb, historyArb, oracleWall, sessionAt } from './progress-arbitraries';
import { progressSummary } from './summary';

const DAY = 86_400_000;

function at(iso: string, timeZone = 'UTC', overrides: Partial<SessionRecord> = {}) {
  return sessionAt(Date.parse(iso), timeZone, overrides);
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

describe('progressSummary', () => {
  it('is zero-filled without sessions', () => {
    const summary = progressSummary([], { today: '2025-06-04' });
    expect(summary.totals).toEqual({ sessions: 0, countedSessions: 0, activeMs: 0, minutes: 0 });
    expect(summary.weekly.map((w) => w.weekStart)).toEqual([
      '2025-04-14',
      '2025-04-21',
      '2025-04-28',
      '2025-05-05',
      '2025-05-12',
      '2025-05-19',
      '2025-05-26',
      '2025-06-02',
    ]);
    expect(summary.weekly.every((w) => w.sessions === 0 && w.minutes === 0)).toBe(true);
    expect(summary.monthly.map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(summary.calendar.month).toBe('2025-06');
    expect(summary.calendar.days).toHaveLength(30);
    expect(summary.calm).toEqual({ points: [], averageBefore: null, averageAfter: null });
  });

  it('shows First Breath as one session of 3 minutes', () => {
    const summary = progressSummary([at('2025-06-04T08:00:00Z')], { today: '2025-06-04' });
    expect(summary.totals).toEqual({
      sessions: 1,
      countedSessions: 1,
      activeMs: 180_000,
      minutes: 3,
    });
    expect(summary.weekly.at(-1)).toMatchObject({
      weekStart: '2025-06-02',
      sessions: 1,
      minutes: 3,
    });
  });

  it('rounds summed milliseconds to the nearest minute, once per bucket', () => {
    const short = (iso: string, activeMs: number) =>
      at(iso, 'UTC', { status: 'partial', activeMs, breathsCompleted: 1 });
    const threeShort = [20_000, 20_000, 20_000].map((ms, i) =>
      short(`2025-06-0${i + 1}T08:00:00Z`, ms),
    );
    expect(progressSummary(threeShort, { today: '2025-06-04' }).totals).toEqual({
      sessions: 3,
      countedSessions: 0,
      activeMs: 60_000,
      minutes: 1,
    });
    expect(
      progressSummary([short('2025-06-01T08:00:00Z', 90_000)], { today: '2025-06-04' }).totals
        .minutes,
    ).toBe(2);
    expect(
      progressSummary([short('2025-06-01T08:00:00Z', 89_999)], { today: '2025-06-04' }).totals
        .minutes,
    ).toBe(1);
  });

  it('puts each session in the week and month of its own local day', () => {
    // Sunday 1 June 23:30 in New York is Monday in UTC: it belongs to the week of 26 May.
    // 31 May 22:00 UTC is 1 June 07:00 in Tokyo: June.
    const sessions = [
      at('2025-06-02T03:30:00Z', 'America/New_York'),
      at('2025-05-31T22:00:00Z', 'Asia/Tokyo'),
    ];
    const summary = progressSummary(sessions, { today: '2025-06-04', months: 2 });
    expect(summary.weekly.at(-2)).toMatchObject({ weekStart: '2025-05-26', sessions: 2 });
    expect(summary.weekly.at(-1)).toMatchObject({ weekStart: '2025-06-02', sessions: 0 });
    expect(summary.monthly).toMatchObject([
      { month: '2025-05', sessions: 0 },
      { month: '2025-06', sessions: 2 },
    ]);
  });

  it('counts sessions outside the series in the totals only', () => {
    const sessions = [at('2024-01-10T08:00:00Z'), at('2025-06-04T08:00:00Z')];
    const summary = progressSummary(sessions, { today: '2025-06-04', weeks: 2, months: 2 });
    expect(summary.totals.sessions).toBe(2);
    expect(summary.weekly.reduce((n, w) => n + w.sessions, 0)).toBe(1);
    expect(summary.monthly.reduce((n, m) => n + m.sessions, 0)).toBe(1);
  });

  it('spans the year boundary in the monthly series', () => {
    const summary = progressSummary([], { today: '2025-02-10', months: 6 });
    expect(summary.monthly.map((m) => m.month)).toEqual([
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });

  it('lays out a month heat-map, practised days marked', () => {
    const sessions = [
      at('2024-02-29T08:00:00Z'),
      at('2024-02-29T18:00:00Z'),
      at('2024-02-10T08:00:00Z', 'UTC', {
        status: 'partial',
        activeMs: 45_000,
        breathsCompleted: 4,
      }),
    ];
    const { calendar } = progressSummary(sessions, { today: '2024-03-15', month: '2024-02' });
    expect(calendar.month).toBe('2024-02');
    expect(calendar.firstWeekday).toBe(4); // 1 February 2024 was a Thursday
    expect(calendar.days).toHaveLength(29);
    expect(calendar.days[28]).toEqual({
      day: '2024-02-29',
      practised: true,
      sessions: 2,
      countedSessions: 2,
      activeMs: 360_000,
      minutes: 6,
    });
    expect(calendar.days[9]).toMatchObject({ day: '2024-02-10', practised: false, minutes: 1 });
  });

  it('orders the calm trend by session and averages over a rolling window', () => {
    const sessions = [
      at('2025-06-03T08:00:00Z'),
      at('2025-06-01T08:00:00Z'),
      at('2025-06-02T08:00:00Z'),
    ];
    const [third, first, second] = sessions as [SessionRecord, SessionRecord, SessionRecord];
    const ratings = [
      { sessionId: third.id, calmBefore: 3, calmAfter: 5 },
      { sessionId: 'pruned-long-ago', calmBefore: 1, calmAfter: 1 },
      { sessionId: first.id, calmBefore: 1, calmAfter: 3 },
      { sessionId: second.id, calmBefore: 2, calmAfter: 2 },
    ];
    const { calm } = progressSummary(sessions, { today: '2025-06-03', ratings, trendWindow: 2 });
    expect(calm.points).toEqual([
      {
        sessionId: first.id,
        day: '2025-06-01',
        calmBefore: 1,
        calmAfter: 3,
        change: 2,
        rollingBefore: 1,
        rollingAfter: 3,
      },
      {
        sessionId: second.id,
        day: '2025-06-02',
        calmBefore: 2,
        calmAfter: 2,
        change: 0,
        rollingBefore: 1.5,
        rollingAfter: 2.5,
      },
      {
        sessionId: third.id,
        day: '2025-06-03',
        calmBefore: 3,
        calmAfter: 5,
        change: 2,
        rollingBefore: 2.5,
        rollingAfter: 3.5,
      },
    ]);
    expect(calm.averageBefore).toBe(2);
    expect(calm.averageAfter).toBeCloseTo(10 / 3);

    const latest = progressSummary(sessions, {
      today: '2025-06-03',
      ratings,
      trendWindow: 2,
      calmPoints: 2,
    }).calm;
    // The rolling means of the points listed still take the earlier ratings in.
    expect(latest).toEqual({ ...calm, points: calm.points.slice(-2) });
  });

  it.each([
    [{ weeks: 0 }],
    [{ months: 1.5 }],
    [{ trendWindow: -1 }],
    [{ calmPoints: 0 }],
    [{ month: '2025-13' }],
    [{ today: '2025-06-31' }],
  ])('rejects %j', (options) => {
    expect(() => progressSummary([], { today: '2025-06-04', ...options })).toThrow(RangeError);
  });

  it('adds up to what a plain per-session count gives, in any input order', () => {
    fc.assert(
      fc.property(
        fc.oneof(denseHistoryArb(90), historyArb(80)).chain((sessions) =>
          fc.record({
            sessions: fc.constant(sessions),
            shuffled: fc.shuffledSubarray(sessions, { minLength: sessions.length }),
            today: fc.constantFrom('2025-03-20', '2025-04-02', '2025-10-30', '2025-11-05'),
            weeks: fc.integer({ min: 1, max: 12 }),
          }),
        ),
        ({ sessions, shuffled, today, weeks }) => {
          const summary = progressSummary(sessions, { today, weeks, months: 3 });
          expect(progressSummary(shuffled, { today, weeks, months: 3 })).toEqual(summary);

          const days = sessions.map((s) => oracleWall(Date.parse(s.startedAt), s.timeZone).day);
          const firstWeek = summary.weekly[0]?.weekStart ?? '';
          const lastDay = shiftDay(summary.weekly.at(-1)?.weekStart ?? '', 6);
          const inWeeks = days.filter((d) => d >= firstWeek && d <= lastDay).length;
          expect(summary.weekly.reduce((n, w) => n + w.sessions, 0)).toBe(inWeeks);
          const month = today.slice(0, 7);
          expect(summary.calendar.days.reduce((n, d) => n + d.sessions, 0)).toBe(
            days.filter((d) => d.startsWith(month)).length,
          );
          for (const cell of summary.calendar.days) {
            expect(cell.sessions).toBe(days.filter((d) => d === cell.day).length);
          }
          for (const { month: inMonth, sessions: count } of summary.monthly) {
            expect(count).toBe(days.filter((d) => d.startsWith(inMonth)).length);
          }
          const totalMs = sessions.reduce((ms, s) => ms + s.activeMs, 0);
          expect(summary.totals).toMatchObject({ sessions: sessions.length, activeMs: totalMs });
          expect(summary.totals.minutes).toBe(Math.round(totalMs / 60_000));
        },
      ),
      { numRuns: 100 },
    );
  });
});
