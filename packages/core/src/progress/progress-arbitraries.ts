import fc from 'fast-check';
import type { SessionRecord } from '../contracts/session-record';
import { addDays, instantAtLocalTime } from './local-day';

// Test-only: generators and an independent oracle for the progress property tests.

/** Zones with DST of 1 h (both hemispheres, and Dublin's "negative" DST), 30 min (Lord
 * Howe), odd offsets (Chatham +12:45, Kathmandu +5:45, St John's −3:30), none (Kolkata),
 * and both sides of the date line. */
export const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
] as const;

export const zoneArb = fc.constantFrom(...ZONES);

/** `arbitrary` about once in `every` values, otherwise null. */
export function oneIn<T>(arbitrary: fc.Arbitrary<T>, every: number) {
  return fc.oneof({ arbitrary: fc.constant(null), weight: every - 1 }, { arbitrary, weight: 1 });
}

/**
 * Windows around the 2025 DST changes of the zones above (March–April and
 * September–November), so generated histories straddle 23- and 25-hour days.
 */
const WINDOWS = [
  { from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 3, 15) },
  { from: Date.UTC(2025, 8, 1), to: Date.UTC(2025, 10, 10) },
];

export const instantArb = fc
  .constantFrom(...WINDOWS)
  .chain(({ from, to }) => fc.integer({ min: from, max: to - 1 }));

const oracleFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local day and minute of an instant, read straight off Intl's parts for that very
 * instant (no offset arithmetic and no per-day cache, unlike local-day.ts).
 */
export function oracleWall(
  epochMs: number,
  timeZone: string,
): { day: string; minuteOfDay: number } {
  let format = oracleFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    oracleFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    minuteOfDay: (Number(get('hour')) % 24) * 60 + Number(get('minute')),
  };
}

function oracleOffsetMs(epochMs: number, timeZone: string): number {
  const minute = Math.floor(epochMs / 60_000) * 60_000;
  const { day, minuteOfDay } = oracleWall(minute, timeZone);
  return Date.parse(`${day}T00:00:00Z`) + minuteOfDay * 60_000 - minute;
}

/** Every 2025 offset change of ZONES, found with the oracle (day by day, then bisected). */
export const TRANSITIONS: readonly { zone: string; epochMs: number }[] = ZONES.flatMap((zone) => {
  const found: { zone: string; epochMs: number }[] = [];
  for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2026, 0, 1); day += 86_400_000) {
    if (oracleOffsetMs(day, zone) === oracleOffsetMs(day + 86_400_000, zone)) continue;
    let low = day;
    let high = day + 86_400_000;
    while (high - low > 60_000) {
      const mid = low + Math.floor((high - low) / 120_000) * 60_000;
      if (oracleOffsetMs(mid, zone) === oracleOffsetMs(low, zone)) low = mid;
      else high = mid;
    }
    found.push({ zone, epochMs: high });
  }
  return found;
});

/** A zone and an instant within three hours of one of its offset changes. */
export const nearTransitionArb = fc
  .constantFrom(...TRANSITIONS)
  .chain(({ zone, epochMs }) =>
    fc
      .integer({ min: -180, max: 180 })
      .map((minutes) => ({ zone, epochMs: epochMs + minutes * 60_000 })),
  );

/** An instant and a zone: anywhere in the DST windows, or close to an offset change. */
export const zonedInstantArb = fc.oneof(
  fc.record({ zone: zoneArb, epochMs: instantArb }),
  nearTransitionArb,
);

export function hhmm(minuteOfDay: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

let nextId = 0;

export function sessionAt(
  epochMs: number,
  timeZone: string,
  overrides: Partial<SessionRecord> = {},
): SessionRecord {
  nextId += 1;
  return {
    id: `s-${String(nextId).padStart(6, '0')}`,
    patternId: 'first-breath',
    startedAt: new Date(epochMs).toISOString(),
    endedAt: new Date(epochMs + 180_000).toISOString(),
    timeZone,
    breathsCompleted: 18,
    totalBreaths: 18,
    activeMs: 180_000,
    status: 'completed',
    ...overrides,
  };
}

const sessionArb = fc
  .record({
    at: zonedInstantArb,
    partialMs: oneIn(fc.integer({ min: 0, max: 179_000 }), 3),
    patternId: fc.constantFrom('first-breath', 'box', 'coherent', 'sigh'),
  })
  .map(({ at: { epochMs, zone: timeZone }, partialMs, patternId }) =>
    partialMs === null
      ? { epochMs, timeZone, patternId, status: 'completed' as const, activeMs: 180_000 }
      : { epochMs, timeZone, patternId, status: 'partial' as const, activeMs: partialMs },
  );

/** Random histories with unique ids, in random order. */
export const historyArb = (maxLength = 60) =>
  fc.array(sessionArb, { maxLength }).map((drafts) =>
    drafts.map((draft, index) =>
      sessionAt(draft.epochMs, draft.timeZone, {
        id: `h-${String(index).padStart(4, '0')}`,
        patternId: draft.patternId,
        status: draft.status,
        activeMs: draft.activeMs,
        breathsCompleted: draft.status === 'completed' ? 18 : 0,
      }),
    ),
  );

/**
 * Long, dense histories: mostly 1–4 sessions on each local day for up to `maxDays` days
 * from a DST window, at random local times, mostly in one zone with trips elsewhere —
 * enough to earn every badge. (Instants come from instantAtLocalTime; the properties
 * check them against oracleWall, not against it.)
 */
export const denseHistoryArb = (maxDays = 120) =>
  fc
    .record({
      start: instantArb,
      home: zoneArb,
      days: fc.array(
        fc.oneof(
          {
            arbitrary: fc.array(
              fc.record({
                minute: fc.integer({ min: 0, max: 1439 }),
                travel: oneIn(zoneArb, 10),
                partialMs: oneIn(fc.integer({ min: 0, max: 120_000 }), 10),
                patternId: fc.constantFrom(
                  'first-breath',
                  'first-breath',
                  'box',
                  'coherent',
                  'sigh',
                ),
              }),
              { minLength: 1, maxLength: 4, size: 'max' },
            ),
            weight: 40,
          },
          { arbitrary: fc.constant([]), weight: 1 },
        ),
        { maxLength: maxDays, size: 'max' },
      ),
    })
    .map(({ start, home, days }) => {
      const firstDay = oracleWall(start, home).day;
      return days.flatMap((sessions, dayIndex) =>
        sessions.map((s, n) => {
          const zone = s.travel ?? home;
          const { epochMs } = instantAtLocalTime(addDays(firstDay, dayIndex), hhmm(s.minute), zone);
          return sessionAt(epochMs, zone, {
            id: `d-${String(dayIndex).padStart(4, '0')}-${n}`,
            patternId: s.patternId,
            ...(s.partialMs === null
              ? {}
              : { status: 'partial' as const, activeMs: s.partialMs, breathsCompleted: 0 }),
          });
        }),
      );
    });
