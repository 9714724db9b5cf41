import {
  DAY_MS,
  civilOf,
  fromEpochDay,
  instantAtLocalTime,
  isoWeekdayOfEpochDay,
  localDateTime,
  utcOffsetMs,
} from '../progress/local-day';

const MINUTE_MS = 60_000;

/** A half-open span of time [start, end) in epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

/**
 * A weekly window of availability on the practitioner's own wall clock: `weekday` is ISO
 * (1 = Monday … 7 = Sunday); minutes count from local midnight, and `endMinute` 1440 means
 * the following midnight. A window never crosses midnight; two rules cover a night.
 */
export interface WeeklyRule {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface SchedulingPolicy {
  /** IANA zone the weekly rules are written in. */
  timeZone: string;
  rules: readonly WeeklyRule[];
  /** Kept free before and after every session (travel, notes, a breath of their own). */
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** No slot starts sooner than this after `now`. */
  minNoticeMinutes: number;
  /** No slot starts later than this many days after `now`. */
  horizonDays: number;
}

export interface SlotQuery {
  durationMinutes: number;
  /** Distance between candidate starts; defaults to the session length. */
  intervalMinutes?: number;
  /** Time off: a session may not overlap it. */
  timeOff: readonly TimeRange[];
  /**
   * What existing live bookings block, buffers included (as stored in `bookings.blocked`).
   * A candidate's own blocked span may not overlap any of them: the same rule the
   * database's exclusion constraint applies.
   */
  busy: readonly TimeRange[];
  now: number;
  /** Candidate starts lie in [from, to). */
  from: number;
  to: number;
}

export interface Slot extends TimeRange {
  /** What the booking blocks: the session widened by the buffers. */
  blocked: TimeRange;
}

export function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The session widened by the policy's buffers: what a booking of it holds in the database. */
export function blockedRange(
  session: TimeRange,
  policy: Pick<SchedulingPolicy, 'bufferBeforeMinutes' | 'bufferAfterMinutes'>,
): TimeRange {
  return {
    start: session.start - policy.bufferBeforeMinutes * MINUTE_MS,
    end: session.end + policy.bufferAfterMinutes * MINUTE_MS,
  };
}

function minuteToClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** When a wall-clock minute of a local day happens; 1440 is the next day's midnight. */
function instantOfLocalMinute(epochDay: number, minute: number, timeZone: string): number {
  const day = minute >= 1440 ? epochDay + 1 : epochDay;
  return instantAtLocalTime(fromEpochDay(day), minuteToClock(minute % 1440), timeZone).epochMs;
}

/**
 * The rule windows of each local day that could hold a start in [from, to), as instants.
 * Both ends are resolved on the wall clock, so a window is 7 or 9 real hours long on a
 * DST day, and a start inside a skipped hour moves to just after the gap.
 */
export function availabilityWindows(
  policy: Pick<SchedulingPolicy, 'timeZone' | 'rules'>,
  from: number,
  to: number,
): TimeRange[] {
  if (to <= from || policy.rules.length === 0) return [];
  const firstDay = localDateTime(from, policy.timeZone).epochDay - 1;
  const lastDay = localDateTime(to, policy.timeZone).epochDay;
  const windows: TimeRange[] = [];
  for (let epochDay = firstDay; epochDay <= lastDay; epochDay += 1) {
    const weekday = isoWeekdayOfEpochDay(epochDay);
    for (const rule of policy.rules) {
      if (rule.weekday !== weekday || rule.endMinute <= rule.startMinute) continue;
      const start = instantOfLocalMinute(epochDay, rule.startMinute, policy.timeZone);
      const end = instantOfLocalMinute(epochDay, rule.endMinute, policy.timeZone);
      if (end > start && end > from && start < to + DAY_MS) windows.push({ start, end });
    }
  }
  return windows.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Every bookable slot: inside a weekly window, at least `minNoticeMinutes` from now, within
 * the horizon, clear of time off, and with its buffered span clear of every busy span.
 * Sorted by start, one slot per start.
 */
export function computeSlots(policy: SchedulingPolicy, query: SlotQuery): Slot[] {
  const durationMs = query.durationMinutes * MINUTE_MS;
  const stepMs = (query.intervalMinutes ?? query.durationMinutes) * MINUTE_MS;
  if (durationMs <= 0 || stepMs <= 0) return [];
  const earliest = Math.max(query.from, query.now + policy.minNoticeMinutes * MINUTE_MS);
  const latest = Math.min(query.to, query.now + policy.horizonDays * DAY_MS + 1);
  if (latest <= earliest) return [];

  const slots = new Map<number, Slot>();
  for (const window of availabilityWindows(policy, earliest, latest)) {
    for (let start = window.start; start + durationMs <= window.end; start += stepMs) {
      if (start < earliest || slots.has(start)) continue;
      if (start >= latest) break;
      const session = { start, end: start + durationMs };
      if (query.timeOff.some((off) => overlaps(session, off))) continue;
      const blocked = blockedRange(session, policy);
      if (query.busy.some((busy) => overlaps(blocked, busy))) continue;
      slots.set(start, { ...session, blocked });
    }
  }
  return [...slots.values()].sort((a, b) => a.start - b.start);
}

/** Whether a session starting at `start` is one of the slots the policy offers right now. */
export function isBookableSlot(
  policy: SchedulingPolicy,
  query: Omit<SlotQuery, 'from' | 'to'>,
  start: number,
): Slot | null {
  const [slot] = computeSlots(policy, { ...query, from: start, to: start + 1 });
  return slot?.start === start ? slot : null;
}

/**
 * An instant as an ISO 8601 wall-clock time in `timeZone` with its offset, e.g.
 * `2025-03-30T03:00:00+02:00`: what a viewer in that zone reads.
 */
export function zonedIso(epochMs: number, timeZone: string): string {
  const offsetMs = utcOffsetMs(epochMs, timeZone);
  const wall = epochMs + offsetMs;
  const epochDay = Math.floor(wall / DAY_MS);
  const { year, month, day } = civilOf(epochDay);
  const msOfDay = wall - epochDay * DAY_MS;
  const pad = (n: number) => String(n).padStart(2, '0');
  const hh = Math.floor(msOfDay / 3_600_000);
  const mm = Math.floor((msOfDay % 3_600_000) / MINUTE_MS);
  const ss = Math.floor((msOfDay % MINUTE_MS) / 1000);
  const sign = offsetMs < 0 ? '-' : '+';
  const offsetMinutes = Math.abs(offsetMs) / MINUTE_MS;
  const offset = `${sign}${pad(Math.floor(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T${pad(hh)}:${pad(mm)}:${pad(ss)}${offset}`;
}
