import type { SessionRecord } from '@exhale/core';
import { addDays, instantAtLocalTime, type CalmRating } from '@exhale/core/progress';

const PATTERNS = ['first-breath', 'first-breath', 'coherent', 'box', 'extended-exhale', 'sigh'];
const HOME = 'Europe/London';
const TRIPS = ['America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe'];

export interface BenchHistory {
  sessions: SessionRecord[];
  ratings: CalmRating[];
  /** The last day of the history, in the home zone. */
  today: string;
}

// mulberry32: the same history on every run and machine.
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function clock(minuteOfDay: number): string {
  const minute = Math.max(0, Math.min(1439, Math.round(minuteOfDay)));
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * Five years of three sessions a day (morning, midday, late evening) from 2020-06-01, at
 * home in London with a 10-day trip abroad every quarter, the odd missed day, some
 * sessions ended early and calm ratings on about half: 1826 days, about 5,400 sessions.
 */
export function generateHistory(years = 5, perDay = 3): BenchHistory {
  const random = seeded(20_200_601);
  const firstDay = '2020-06-01';
  const days = Math.round(years * 365.25);
  const slots = [7 * 60, 13 * 60, 21.5 * 60].slice(0, perDay);
  const sessions: SessionRecord[] = [];
  const ratings: CalmRating[] = [];
  for (let d = 0; d < days; d += 1) {
    if (random() < 0.01) continue;
    const day = addDays(firstDay, d);
    const timeZone = d % 90 < 10 ? (TRIPS[Math.floor(d / 90) % TRIPS.length] as string) : HOME;
    for (const slot of slots) {
      const { epochMs } = instantAtLocalTime(day, clock(slot + (random() - 0.5) * 90), timeZone);
      const partial = random() < 0.08;
      const activeMs = partial ? Math.round(10_000 + random() * 160_000) : 180_000;
      const id = `bench-${String(sessions.length).padStart(6, '0')}`;
      const record: SessionRecord = {
        id,
        patternId: PATTERNS[Math.floor(random() * PATTERNS.length)] as string,
        startedAt: new Date(epochMs).toISOString(),
        endedAt: new Date(epochMs + activeMs + Math.round(random() * 30_000)).toISOString(),
        timeZone,
        breathsCompleted: partial ? Math.floor(activeMs / 10_000) : 18,
        totalBreaths: 18,
        activeMs,
        status: partial ? 'partial' : 'completed',
      };
      if (random() < 0.5) {
        const calmBefore = 1 + Math.floor(random() * 4);
        const calmAfter = Math.min(5, calmBefore + Math.floor(random() * 3));
        // On the record too, as the app stores them, so reads from SQLite carry them.
        record.calmBefore = calmBefore;
        record.calmAfter = calmAfter;
        ratings.push({ sessionId: id, calmBefore, calmAfter });
      }
      sessions.push(record);
    }
  }
  return { sessions, ratings, today: addDays(firstDay, days - 1) };
}
