import {
  addDays,
  instantAtLocalTime,
  localDateTime,
  localDay,
  parseClockTime,
  type CalendarDay,
  type ClockTime,
} from './local-day';
import type { Streaks } from './streaks';

/** The practice time chosen in onboarding or settings. */
export type PreferredPracticeTime =
  { kind: 'morning' } | { kind: 'bedtime' } | { kind: 'custom'; time: ClockTime };

export const MORNING_TIME: ClockTime = '08:00';
export const BEDTIME_TIME: ClockTime = '21:30';

/** @throws RangeError for a custom time outside 00:00–23:59. */
export function preferredTimeToClock(preferred: PreferredPracticeTime): ClockTime {
  switch (preferred.kind) {
    case 'morning':
      return MORNING_TIME;
    case 'bedtime':
      return BEDTIME_TIME;
    case 'custom':
      parseClockTime(preferred.time);
      return preferred.time;
  }
}

/** The daily reminder: a wall-clock time in the zone the person lives in. */
export interface Routine {
  time: ClockTime;
  timeZone: string;
  enabled: boolean;
}

/** One notification to schedule (a one-off date trigger). */
export interface Reminder {
  /** Stable per day, to use as the notification identifier. */
  id: string;
  day: CalendarDay;
  epochMs: number;
  /** The wall-clock time it fires at: the routine's time, or later in a DST gap. */
  localTime: ClockTime;
}

export interface NextRemindersOptions {
  now: number;
  /** Local days already practised (see practisedDays); those get no reminder. */
  practisedDays: Iterable<CalendarDay>;
  /** How many local days, today included, to schedule ahead (default 7). */
  horizonDays?: number;
}

export function reminderId(day: CalendarDay): string {
  return `exhale-reminder-${day}`;
}

/**
 * The reminders that should be pending now: one per local day from today for
 * `horizonDays` days, at the routine's time in the routine's zone, leaving out days
 * already practised and times already past. This list is the single source of truth:
 * the app recomputes it on start, after each session and when the time or zone changes,
 * and applies it with diffReminders. One-off triggers rather than a repeating daily one,
 * because a repeating trigger cannot skip a day already practised.
 *
 * DST: a time skipped by spring-forward fires that much later (02:30 in New York on its
 * spring-forward day fires at 03:30 EDT); a time that happens twice fires at its first
 * occurrence; a day the zone skips entirely (Samoa, 30 Dec 2011) gets no reminder.
 */
export function nextReminders(routine: Routine, options: NextRemindersOptions): Reminder[] {
  const horizonDays = options.horizonDays ?? 7;
  if (!Number.isInteger(horizonDays) || horizonDays < 0) {
    throw new RangeError(`nextReminders: horizonDays must be a whole number, got ${horizonDays}`);
  }
  parseClockTime(routine.time);
  if (!routine.enabled) return [];

  const practised = new Set(options.practisedDays);
  const today = localDay(options.now, routine.timeZone);
  const reminders: Reminder[] = [];
  for (let offset = 0; offset < horizonDays; offset += 1) {
    const day = addDays(today, offset);
    if (practised.has(day)) continue;
    const { epochMs } = instantAtLocalTime(day, routine.time, routine.timeZone);
    const local = localDateTime(epochMs, routine.timeZone);
    if (epochMs <= options.now || local.day !== day) continue;
    reminders.push({ id: reminderId(day), day, epochMs, localTime: local.time });
  }
  return reminders;
}

export interface ReminderChanges {
  /** Identifiers of pending notifications to cancel. */
  cancel: string[];
  /** Reminders to schedule (after cancelling). */
  schedule: Reminder[];
}

/**
 * What to change so the pending notifications become `next`: keeps those already right,
 * cancels the rest and schedules what is missing. A reminder whose time moved is
 * cancelled and scheduled again under the same id.
 */
export function diffReminders(
  pending: readonly Pick<Reminder, 'id' | 'epochMs'>[],
  next: readonly Reminder[],
): ReminderChanges {
  const wanted = new Map(next.map((reminder) => [reminder.id, reminder.epochMs]));
  const kept = new Set(
    pending.filter((reminder) => wanted.get(reminder.id) === reminder.epochMs).map((r) => r.id),
  );
  return {
    cancel: pending.filter((reminder) => !kept.has(reminder.id)).map((reminder) => reminder.id),
    schedule: next.filter((reminder) => !kept.has(reminder.id)),
  };
}

/** The app icon badge: 1 while today's practice is not done (and reminders are on), else 0. */
export function appBadgeCount({
  practisedToday,
  enabled,
}: {
  practisedToday: boolean;
  enabled: boolean;
}): 0 | 1 {
  return enabled && !practisedToday ? 1 : 0;
}

export type ReminderGoal = 'stress' | 'sleep' | 'focus' | 'energy';

export interface ReminderContext {
  /** The person's streaks, or null when they chose not to see streaks. */
  streak?: Pick<Streaks, 'current' | 'lastPracticeDay'> | null;
  goal?: ReminderGoal | null;
}

export interface ReminderText {
  title: string;
  body: string;
}

const TITLES = ['Time to breathe', 'A calm moment for you', 'Your breathing break'];

const GENERAL_LINES = [
  'Three slow minutes are ready when you are.',
  'In for five, out for five. Your breath is waiting.',
  'Pause for a moment and let your breathing slow down.',
  'A few calm breaths can reset the day. Join in whenever suits you.',
];

const GOAL_LINES: Record<ReminderGoal, string[]> = {
  stress: ['Let your shoulders drop. Three calm minutes are here for you.'],
  sleep: ['A few slow breaths to settle and unwind.'],
  focus: ['Clear a little space in your head with three steady minutes.'],
  energy: ['A few steady breaths to refresh and reset.'],
};

function streakLines(days: number): string[] {
  return [
    `You've practised ${days} days in a row. Today's breath is ready when you are.`,
    `${days} days of calm so far. Three gentle minutes whenever you like.`,
  ];
}

// FNV-1a, then mulberry32: the same day always reads the same, different days vary.
function seededRandom(seed: string): () => number {
  let state = 2_166_136_261;
  for (let i = 0; i < seed.length; i += 1) {
    state = Math.imul(state ^ seed.charCodeAt(i), 16_777_619);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T;
}

/**
 * Warm words for the reminder on `day`, without the person's name (the app adds it
 * locally). Varied from day to day but the same for a given day, unless `random` is
 * given. The streak is mentioned only when it will still be alive that day: a reminder
 * only fires when nothing was practised since it was scheduled, so that holds just for
 * the day after the last practice.
 */
export function reminderText(
  day: CalendarDay,
  { streak, goal }: ReminderContext = {},
  random: () => number = seededRandom(day),
): ReminderText {
  const lines = [...GENERAL_LINES, ...(goal ? GOAL_LINES[goal] : [])];
  if (streak && streak.current >= 2 && streak.lastPracticeDay === addDays(day, -1)) {
    lines.push(...streakLines(streak.current));
  }
  return { title: pick(TITLES, random), body: pick(lines, random) };
}
