import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantArb, oracleWall, zoneArb } from './progress-arbitraries';
import {
  appBadgeCount,
  diffReminders,
  nextReminders,
  preferredTimeToClock,
  reminderText,
  type Routine,
} from './reminders';

const DAY = 86_400_000;
const MINUTE = 60_000;

const london: Routine = { time: '08:00', timeZone: 'Europe/London', enabled: true };
const iso = (ms: number) => new Date(ms).toISOString();

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

describe('preferredTimeToClock', () => {
  it('maps morning, bedtime and a chosen time', () => {
    expect(preferredTimeToClock({ kind: 'morning' })).toBe('08:00');
    expect(preferredTimeToClock({ kind: 'bedtime' })).toBe('21:30');
    expect(preferredTimeToClock({ kind: 'custom', time: '06:45' })).toBe('06:45');
    expect(() => preferredTimeToClock({ kind: 'custom', time: '6:45 pm' })).toThrow(RangeError);
  });
});

describe('nextReminders', () => {
  const now = Date.parse('2025-06-04T06:00:00Z'); // 07:00 in London

  it('schedules the routine time on each of the next 7 local days, today first', () => {
    const reminders = nextReminders(london, { now, practisedDays: [] });
    expect(reminders.map((r) => r.day)).toEqual([
      '2025-06-04',
      '2025-06-05',
      '2025-06-06',
      '2025-06-07',
      '2025-06-08',
      '2025-06-09',
      '2025-06-10',
    ]);
    expect(reminders[0]).toEqual({
      id: 'exhale-reminder-2025-06-04',
      day: '2025-06-04',
      epochMs: Date.parse('2025-06-04T07:00:00Z'),
      localTime: '08:00',
    });
  });

  it('starts tomorrow once today is practised, and skips other practised days', () => {
    const reminders = nextReminders(london, {
      now,
      practisedDays: new Set(['2025-06-04', '2025-06-06']),
      horizonDays: 4,
    });
    expect(reminders.map((r) => r.day)).toEqual(['2025-06-05', '2025-06-07']);
  });

  it('starts tomorrow when today’s time has passed', () => {
    const later = Date.parse('2025-06-04T07:00:00Z'); // 08:00 in London, exactly due
    expect(
      nextReminders(london, { now: later, practisedDays: [], horizonDays: 2 }).map((r) => r.day),
    ).toEqual(['2025-06-05']);
  });

  it('schedules nothing when reminders are off', () => {
    expect(nextReminders({ ...london, enabled: false }, { now, practisedDays: [] })).toEqual([]);
  });

  it('uses the routine’s zone for "today", not UTC', () => {
    // 23:30 UTC on 3 June is already 4 June 08:30 in Tokyo: today's 08:00 has passed.
    const tokyo = { ...london, timeZone: 'Asia/Tokyo' };
    const reminders = nextReminders(tokyo, {
      now: Date.parse('2025-06-03T23:30:00Z'),
      practisedDays: [],
      horizonDays: 2,
    });
    expect(reminders).toEqual([
      {
        id: 'exhale-reminder-2025-06-05',
        day: '2025-06-05',
        epochMs: Date.parse('2025-06-04T23:00:00Z'),
        localTime: '08:00',
      },
    ]);
  });

  it('fires a 02:30 reminder at 03:30 on New York’s spring-forward day', () => {
    const routine = { time: '02:30', timeZone: 'America/New_York', enabled: true };
    const reminders = nextReminders(routine, {
      now: Date.parse('2025-03-08T12:00:00Z'),
      practisedDays: [],
      horizonDays: 3,
    });
    expect(reminders.map((r) => [r.day, iso(r.epochMs), r.localTime])).toEqual([
      ['2025-03-09', '2025-03-09T07:30:00.000Z', '03:30'],
      ['2025-03-10', '2025-03-10T06:30:00.000Z', '02:30'],
    ]);
  });

  it('fires a 01:30 reminder once, at the first 01:30, on New York’s fall-back day', () => {
    const routine = { time: '01:30', timeZone: 'America/New_York', enabled: true };
    const reminders = nextReminders(routine, {
      now: Date.parse('2025-11-01T12:00:00Z'),
      practisedDays: [],
      horizonDays: 3,
    });
    expect(reminders.map((r) => [r.day, iso(r.epochMs), r.localTime])).toEqual([
      ['2025-11-02', '2025-11-02T05:30:00.000Z', '01:30'],
      ['2025-11-03', '2025-11-03T06:30:00.000Z', '01:30'],
    ]);
  });

  it('moves a reminder in Lord Howe’s 30-minute gap by 30 minutes', () => {
    const routine = { time: '02:15', timeZone: 'Australia/Lord_Howe', enabled: true };
    const [first] = nextReminders(routine, {
      now: Date.parse('2025-10-04T12:00:00Z'),
      practisedDays: [],
      horizonDays: 2,
    });
    expect(first).toMatchObject({ day: '2025-10-05', localTime: '02:45' });
  });

  it('skips a day the zone does not have (Samoa, 30 December 2011)', () => {
    const routine = { time: '08:00', timeZone: 'Pacific/Apia', enabled: true };
    const reminders = nextReminders(routine, {
      now: Date.parse('2011-12-28T20:00:00Z'), // 28 Dec 10:00 in Apia
      practisedDays: [],
      horizonDays: 4,
    });
    expect(reminders.map((r) => r.day)).toEqual(['2011-12-29', '2011-12-31']);
  });

  it('rejects a bad time or horizon', () => {
    expect(() => nextReminders({ ...london, time: '8:00' }, { now, practisedDays: [] })).toThrow(
      RangeError,
    );
    expect(() => nextReminders(london, { now, practisedDays: [], horizonDays: 1.5 })).toThrow(
      RangeError,
    );
  });

  it('only ever lists future, increasing instants at the routine time on unpractised days', () => {
    fc.assert(
      fc.property(
        fc.record({
          now: instantArb,
          zone: zoneArb,
          minute: fc.integer({ min: 0, max: 1439 }),
          practisedOffsets: fc.uniqueArray(fc.integer({ min: -1, max: 10 }), { maxLength: 6 }),
          horizonDays: fc.integer({ min: 0, max: 10 }),
        }),
        ({ now, zone, minute, practisedOffsets, horizonDays }) => {
          const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          const today = oracleWall(now, zone).day;
          const practisedDays = practisedOffsets.map((n) => shiftDay(today, n));
          const reminders = nextReminders(
            { time, timeZone: zone, enabled: true },
            { now, practisedDays, horizonDays },
          );

          let previous = now;
          for (const reminder of reminders) {
            expect(reminder.epochMs).toBeGreaterThan(previous);
            previous = reminder.epochMs;
            expect(practisedDays).not.toContain(reminder.day);
            const seen = oracleWall(reminder.epochMs, zone);
            expect(seen.day).toBe(reminder.day);
            if (seen.minuteOfDay !== minute) {
              // Only in a DST gap: no instant shows `time` that day, and it fires later.
              expect(seen.minuteOfDay).toBeGreaterThan(minute);
              const wall = Date.parse(`${reminder.day}T${time}:00Z`);
              for (let k = -60; k <= 60; k += 1) {
                const candidate = oracleWall(wall - k * 15 * MINUTE, zone);
                expect(candidate.day === reminder.day && candidate.minuteOfDay === minute).toBe(
                  false,
                );
              }
            }
          }
          // Every other day of the horizon is accounted for: practised, or today and past.
          const listed = new Set(reminders.map((r) => r.day));
          for (let n = 1; n < horizonDays; n += 1) {
            const day = shiftDay(today, n);
            expect(listed.has(day) || practisedDays.includes(day)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('diffReminders', () => {
  const now = Date.parse('2025-06-04T06:00:00Z');
  const scheduled = nextReminders(london, { now, practisedDays: [], horizonDays: 3 });

  it('changes nothing when the plan is the same', () => {
    expect(diffReminders(scheduled, scheduled)).toEqual({ cancel: [], schedule: [] });
  });

  it('cancels only today’s reminder once today is practised', () => {
    const next = nextReminders(london, { now, practisedDays: ['2025-06-04'], horizonDays: 3 });
    expect(diffReminders(scheduled, next)).toEqual({
      cancel: ['exhale-reminder-2025-06-04'],
      schedule: [],
    });
  });

  it('reschedules every day when the time changes', () => {
    const next = nextReminders(
      { ...london, time: '21:30' },
      { now, practisedDays: [], horizonDays: 3 },
    );
    const changes = diffReminders(scheduled, next);
    expect(changes.cancel).toEqual(scheduled.map((r) => r.id));
    expect(changes.schedule).toEqual(next);
  });

  it('reschedules every day when the zone changes', () => {
    const next = nextReminders(
      { ...london, timeZone: 'America/New_York' },
      { now, practisedDays: [], horizonDays: 3 },
    );
    const changes = diffReminders(scheduled, next);
    expect(changes.cancel).toEqual(scheduled.map((r) => r.id));
    expect(changes.schedule.map((r) => iso(r.epochMs))).toEqual([
      '2025-06-04T12:00:00.000Z',
      '2025-06-05T12:00:00.000Z',
      '2025-06-06T12:00:00.000Z',
    ]);
  });

  it('cancels everything when reminders are turned off', () => {
    const next = nextReminders({ ...london, enabled: false }, { now, practisedDays: [] });
    expect(diffReminders(scheduled, next)).toEqual({
      cancel: scheduled.map((r) => r.id),
      schedule: [],
    });
  });
});

describe('appBadgeCount', () => {
  it('shows 1 until today is practised, and nothing when reminders are off', () => {
    expect(appBadgeCount({ practisedToday: false, enabled: true })).toBe(1);
    expect(appBadgeCount({ practisedToday: true, enabled: true })).toBe(0);
    expect(appBadgeCount({ practisedToday: false, enabled: false })).toBe(0);
  });
});

describe('reminderText', () => {
  const days = Array.from({ length: 28 }, (_, i) => shiftDay('2025-06-01', i));

  it('reads the same for a given day and varies across days', () => {
    expect(reminderText('2025-06-04')).toEqual(reminderText('2025-06-04'));
    expect(new Set(days.map((day) => reminderText(day).body)).size).toBeGreaterThan(2);
    expect(new Set(days.map((day) => reminderText(day).title)).size).toBeGreaterThan(1);
  });

  it('uses the random source it is given', () => {
    expect(reminderText('2025-06-04', {}, () => 0)).toEqual({
      title: 'Time to breathe',
      body: 'Three slow minutes are ready when you are.',
    });
    expect(reminderText('2025-06-04', { goal: 'sleep' }, () => 0.999)).toEqual({
      title: 'Your breathing break',
      body: 'A few slow breaths to settle and unwind.',
    });
  });

  it('mentions the streak only when it is still alive on that day', () => {
    const streak = { current: 5, lastPracticeDay: '2025-06-03' };
    const last = () => 0.999;
    expect(reminderText('2025-06-04', { streak }, last).body).toContain('5 days');
    // Two days on, the streak would already be broken: no streak line.
    expect(reminderText('2025-06-05', { streak }, last).body).not.toMatch(/\d+ days/);
    expect(
      reminderText('2025-06-04', { streak: { ...streak, current: 1 } }, last).body,
    ).not.toMatch(/\d+ days/);
    expect(reminderText('2025-06-04', { streak: null }, last).body).not.toMatch(/\d+ days/);
  });

  it('is warm, plain text without names or placeholders', () => {
    for (const day of days) {
      for (const goal of ['stress', 'sleep', 'focus', 'energy', null] as const) {
        const { title, body } = reminderText(day, {
          goal,
          streak: { current: 4, lastPracticeDay: shiftDay(day, -1) },
        });
        expect(`${title} ${body}`).not.toMatch(/[{}<>]|undefined|null|NaN/);
        expect(body).toMatch(/[.!]$/);
      }
    }
  });
});
