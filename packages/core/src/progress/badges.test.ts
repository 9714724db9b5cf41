import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../contracts/session-record';
import { BADGES, awardBadges, badgeHistory, type BadgeDefinition } from './badges';
import { fromEpochDay, isoWeekday, toEpochDay } from './local-day';
import { denseHistoryArb, historyArb, sessionAt } from './progress-arbitraries';
import { sessionsToPrune } from './retention';
import { sessionLocalDay } from './session-time';
import { computeStreaks, countsForStreak } from './streaks';

const DAY = 86_400_000;

function at(iso: string, timeZone = 'UTC', overrides: Partial<SessionRecord> = {}) {
  return sessionAt(Date.parse(iso), timeZone, overrides);
}

/** One session a day at `time` UTC from `firstDay`, for `days` days. */
function daily(
  firstDay: string,
  days: number,
  time = '12:00',
  overrides: Partial<SessionRecord> = {},
) {
  const start = Date.parse(`${firstDay}T${time}:00Z`);
  return Array.from({ length: days }, (_, i) => sessionAt(start + i * DAY, 'UTC', overrides));
}

function earned(sessions: readonly SessionRecord[], id: string) {
  return awardBadges(sessions).earned.find((badge) => badge.id === id) ?? null;
}

const short = { status: 'partial', activeMs: 59_999, breathsCompleted: 3 } as const;

describe('BADGES', () => {
  it('has unique kebab-case ids and copy for every badge', () => {
    const ids = BADGES.map((badge) => badge.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(BADGES.map((badge) => badge.title)).size).toBe(BADGES.length);
    for (const badge of BADGES) {
      expect(badge.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(badge.title.trim()).not.toBe('');
      expect(badge.description).toMatch(/^[A-Z].{10,}\.$/);
      expect(badge.icon).toMatch(/^[a-z-]+$/);
    }
  });

  it('holds the badges the product names', () => {
    expect(BADGES.map((badge) => badge.id)).toEqual([
      'first-breath',
      'streak-3',
      'streak-7',
      'streak-30',
      'streak-100',
      'sessions-10',
      'sessions-50',
      'sessions-100',
      'early-bird',
      'night-owl',
      'explorer',
      'steady',
    ]);
  });
});

describe('each badge', () => {
  it('first-breath: the first session that counts', () => {
    const tooShort = at('2025-06-01T08:00:00Z', 'UTC', short);
    const first = at('2025-06-02T08:00:00Z');
    expect(earned([tooShort], 'first-breath')).toBeNull();
    expect(earned([first, tooShort], 'first-breath')).toEqual({
      id: 'first-breath',
      earnedAt: '2025-06-02',
      sessionId: first.id,
    });
  });

  it.each([3, 7, 30, 100])('streak-%i: on the day the run reaches %i days', (days) => {
    const sessions = daily('2025-01-01', days);
    const crossing = sessions[days - 1] as SessionRecord;
    expect(earned(sessions.slice(0, -1), `streak-${days}`)).toBeNull();
    expect(earned(sessions, `streak-${days}`)).toEqual({
      id: `streak-${days}`,
      earnedAt: crossing.startedAt.slice(0, 10),
      sessionId: crossing.id,
    });
  });

  it('streak-3: the first counting session of the third day, across a DST change', () => {
    // 23:30 in New York each night, over its 23-hour day; the third night has two sessions.
    const sessions = [
      at('2025-03-08T04:30:00Z', 'America/New_York'), // 7 Mar 23:30 EST
      at('2025-03-09T04:30:00Z', 'America/New_York'), // 8 Mar 23:30 EST
      at('2025-03-10T03:00:00Z', 'America/New_York', short), // 9 Mar 23:00 EDT, too short
      at('2025-03-10T03:30:00Z', 'America/New_York'), // 9 Mar 23:30 EDT
      at('2025-03-10T03:45:00Z', 'America/New_York'),
    ];
    expect(earned(sessions, 'streak-3')).toEqual({
      id: 'streak-3',
      earnedAt: '2025-03-09',
      sessionId: sessions[3]?.id,
    });
  });

  it('streak-3: a gap day means no badge', () => {
    const sessions = [...daily('2025-01-01', 2), ...daily('2025-01-04', 2)];
    expect(earned(sessions, 'streak-3')).toBeNull();
  });

  it.each([10, 50, 100])('sessions-%i: the %ith session that counts', (count) => {
    const sessions = daily('2025-01-01', count);
    const withShort = [...sessions, at('2024-12-31T12:00:00Z', 'UTC', short)];
    expect(earned(withShort.slice(1), `sessions-${count}`)).toBeNull();
    expect(earned(withShort, `sessions-${count}`)).toMatchObject({
      sessionId: sessions[count - 1]?.id,
    });
  });

  it('early-bird: 5 sessions started before 08:00 on their own local clock', () => {
    // 07:30 in Tokyo is 22:30 UTC the evening before; 08:00 sharp is not before 8.
    const early = daily('2025-05-31', 4, '22:30').map((s) => ({ ...s, timeZone: 'Asia/Tokyo' }));
    const eight = at('2025-06-10T23:00:00Z', 'Asia/Tokyo'); // 11 Jun 08:00 JST
    expect(earned([...early, eight], 'early-bird')).toBeNull();
    const fifth = at('2025-06-11T22:59:00Z', 'Asia/Tokyo'); // 12 Jun 07:59 JST
    expect(earned([...early, eight, fifth], 'early-bird')).toEqual({
      id: 'early-bird',
      earnedAt: '2025-06-12',
      sessionId: fifth.id,
    });
  });

  it('night-owl: 5 sessions started at 21:00 or later on their own local clock', () => {
    // 21:00 in New York (EDT) is 01:00 UTC the next day.
    const late = daily('2025-06-02', 4, '01:00').map((s) => ({
      ...s,
      timeZone: 'America/New_York',
    }));
    const before = at('2025-06-10T00:59:00Z', 'America/New_York'); // 9 Jun 20:59 EDT
    expect(earned([...late, before], 'night-owl')).toBeNull();
    const fifth = at('2025-06-11T03:59:00Z', 'America/New_York'); // 10 Jun 23:59 EDT
    expect(earned([...late, before, fifth], 'night-owl')).toEqual({
      id: 'night-owl',
      earnedAt: '2025-06-10',
      sessionId: fifth.id,
    });
  });

  it('explorer: 3 different patterns among sessions that count', () => {
    const sessions = [
      at('2025-06-01T08:00:00Z', 'UTC', { patternId: 'first-breath' }),
      at('2025-06-02T08:00:00Z', 'UTC', { patternId: 'box' }),
      at('2025-06-02T09:00:00Z', 'UTC', { patternId: 'box' }),
      at('2025-06-03T08:00:00Z', 'UTC', { ...short, patternId: 'coherent' }),
    ];
    expect(earned(sessions, 'explorer')).toBeNull();
    const third = at('2025-06-04T08:00:00Z', 'UTC', { patternId: 'sigh' });
    expect(earned([...sessions, third], 'explorer')).toMatchObject({
      earnedAt: '2025-06-04',
      sessionId: third.id,
    });
  });

  // 2025-06-02 is a Monday.
  const week = (monday: string, count: number) => daily(monday, count);

  it('steady: the 5th session of the 4th consecutive week with 5 or more', () => {
    const weeks = [
      week('2025-06-02', 6),
      week('2025-06-09', 5),
      week('2025-06-16', 7),
      week('2025-06-23', 5),
    ];
    const sessions = weeks.flat();
    expect(earned(sessions.slice(0, -1), 'steady')).toBeNull();
    expect(earned(sessions, 'steady')).toEqual({
      id: 'steady',
      earnedAt: '2025-06-27',
      sessionId: sessions.at(-1)?.id,
    });
  });

  it('steady: not for 4 good weeks with a thin week between them', () => {
    const sessions = [
      week('2025-06-02', 5),
      week('2025-06-09', 5),
      week('2025-06-16', 4),
      week('2025-06-23', 5),
      week('2025-06-30', 5),
    ].flat();
    expect(earned(sessions, 'steady')).toBeNull();
  });

  it('steady: weeks are local, Monday to Sunday', () => {
    // Sunday 22 June 21:00 in New York is Monday 01:00 UTC: it is still the third week.
    const sessions = [
      week('2025-06-02', 5),
      week('2025-06-09', 5),
      week('2025-06-16', 4),
      [at('2025-06-23T01:00:00Z', 'America/New_York')],
      week('2025-06-24', 5),
    ].flat();
    expect(earned(sessions, 'steady')).toMatchObject({ earnedAt: '2025-06-28' });
  });
});

describe('awardBadges', () => {
  const month = daily('2025-01-01', 12);

  it('awards what the history earns, with the day and session that crossed the line', () => {
    const { earned: all, newlyEarned } = awardBadges(month);
    expect(all.map((badge) => badge.id)).toEqual([
      'first-breath',
      'streak-3',
      'streak-7',
      'sessions-10',
    ]);
    expect(newlyEarned).toEqual(all);
    expect(all[1]).toEqual({ id: 'streak-3', earnedAt: '2025-01-03', sessionId: month[2]?.id });
  });

  it('never re-awards: badges already earned keep their stored date and are not new', () => {
    const stored = [{ id: 'streak-3', earnedAt: '2024-11-20' }];
    const { earned: all, newlyEarned } = awardBadges(month, stored);
    expect(all.find((badge) => badge.id === 'streak-3')).toBe(stored[0]);
    expect(newlyEarned.map((badge) => badge.id)).toEqual([
      'first-breath',
      'streak-7',
      'sessions-10',
    ]);
  });

  it('keeps earned badges when their sessions are gone (retention) or unknown to this version', () => {
    const first = awardBadges(month).earned;
    const pruned = sessionsToPrune(month, '30d', Date.parse('2025-03-01T00:00:00Z'));
    expect(pruned).toHaveLength(12);
    const stored = [...first, { id: 'from-a-newer-app', earnedAt: '2025-01-02' }];
    const remaining = month.filter((session) => !pruned.includes(session.id));
    expect(awardBadges(remaining, stored)).toEqual({ earned: stored, newlyEarned: [] });
  });

  it('reads one entry for a new badge from the table it is given', () => {
    const weekend: BadgeDefinition = {
      id: 'weekend',
      title: 'Weekend Breather',
      description: 'Practise on a Saturday.',
      icon: 'sun',
      evaluate: ({ sessions }) => {
        const saturday = sessions.find((s) => isoWeekday(fromEpochDay(s.epochDay)) === 6);
        return saturday ? { day: fromEpochDay(saturday.epochDay), sessionId: saturday.id } : null;
      },
    };
    const { newlyEarned } = awardBadges(month, [], [...BADGES, weekend]);
    expect(newlyEarned.at(-1)).toEqual({
      id: 'weekend',
      earnedAt: '2025-01-04',
      sessionId: month[3]?.id,
    });
  });
});

describe('badges over random histories', () => {
  it('see the counted sessions oldest first, the same as columns and as objects', () => {
    fc.assert(
      fc.property(historyArb(120), (sessions) => {
        const history = badgeHistory(sessions);
        const byId = new Map(sessions.map((s) => [s.id, s]));
        expect(history.count).toBe(sessions.filter(countsForStreak).length);
        expect(history.sessions.map((s) => s.id)).toEqual(history.ids);
        history.sessions.forEach((session, i) => {
          const record = byId.get(session.id) as SessionRecord;
          expect(session).toEqual({
            id: history.ids[i],
            patternId: record.patternId,
            epochMs: Date.parse(record.startedAt),
            epochDay: toEpochDay(sessionLocalDay(record)),
            minuteOfDay: history.minuteOfDay[i],
            week: history.week[i],
          });
          const previous = history.sessions[i - 1];
          if (previous) expect(previous.epochMs).toBeLessThanOrEqual(session.epochMs);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('are stable under shuffled input', () => {
    fc.assert(
      fc.property(
        denseHistoryArb().chain((sessions) =>
          fc
            .shuffledSubarray(sessions, { minLength: sessions.length })
            .map((shuffled) => [sessions, shuffled]),
        ),
        ([sessions, shuffled]) => {
          expect(awardBadges(shuffled ?? [])).toEqual(awardBadges(sessions ?? []));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('award each badge once: re-evaluating with what was earned adds nothing', () => {
    fc.assert(
      fc.property(fc.oneof(denseHistoryArb(), historyArb(200)), (sessions) => {
        const first = awardBadges(sessions);
        expect(awardBadges(sessions, first.earned)).toEqual({
          earned: first.earned,
          newlyEarned: [],
        });
      }),
      { numRuns: 60 },
    );
  });

  it('never move once earned: later sessions keep every earlier award as it was', () => {
    fc.assert(
      fc.property(denseHistoryArb(), fc.nat(), (sessions, cut) => {
        const chronological = badgeHistory(sessions).sessions.map((s) => s.id);
        const cutoffId = chronological[cut % (chronological.length + 1)];
        const cutIndex =
          cutoffId === undefined ? chronological.length : chronological.indexOf(cutoffId);
        const earlier = new Set(chronological.slice(0, cutIndex));
        const prefix = sessions.filter((s) => earlier.has(s.id) || !countsForStreak(s));
        const before = awardBadges(prefix);
        const after = awardBadges(sessions);
        for (const badge of before.earned) expect(after.earned).toContainEqual(badge);
        const continued = awardBadges(sessions, before.earned);
        expect(continued.earned.slice().sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          after.earned.slice().sort((a, b) => a.id.localeCompare(b.id)),
        );
        for (const badge of continued.newlyEarned) {
          expect(before.earned.map((b) => b.id)).not.toContain(badge.id);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('match the counts and streaks they are named after', () => {
    fc.assert(
      fc.property(denseHistoryArb(), (sessions) => {
        const ids = new Set(awardBadges(sessions).earned.map((badge) => badge.id));
        const counted = sessions.filter(countsForStreak);
        const { longest } = computeStreaks(sessions, { today: '2030-01-01' });
        for (const n of [3, 7, 30, 100]) expect(ids.has(`streak-${n}`)).toBe(longest >= n);
        for (const n of [10, 50, 100]) expect(ids.has(`sessions-${n}`)).toBe(counted.length >= n);
        expect(ids.has('first-breath')).toBe(counted.length > 0);
        expect(ids.has('explorer')).toBe(new Set(counted.map((s) => s.patternId)).size >= 3);
      }),
      { numRuns: 80 },
    );
  });
});
