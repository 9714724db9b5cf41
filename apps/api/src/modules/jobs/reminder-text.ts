import type { ReminderKind } from './booking-reminders';

const HOUR_MS = 60 * 60_000;

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The calendar day `at` falls on in `timeZone`, as days since 1970-01-01. */
function calendarDay(at: number, timeZone: string): number {
  const ymd = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return Date.parse(`${ymd}T00:00:00Z`) / (24 * HOUR_MS);
}

/** `Europe/Paris` → `Paris time`; `UTC` stays `UTC`. */
export function zoneLabel(timeZone: string): string {
  if (!timeZone.includes('/')) return timeZone;
  return `${timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ')} time`;
}

/** "today", "tomorrow" or "Tuesday 3 June", on the recipient's own calendar. */
export function dayPhrase(startsAt: number, now: number, timeZone: string): string {
  const zone = safeZone(timeZone);
  // Calendar days, not 24 h steps: a DST day is 23 or 25 hours long.
  const days = calendarDay(startsAt, zone) - calendarDay(now, zone);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(startsAt);
}

export function clockTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: safeZone(timeZone),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** "in 1 hour", "in 45 minutes": what is left, rounded to five minutes. */
export function timeLeft(startsAt: number, now: number): string {
  const minutes = Math.max(5, Math.round((startsAt - now) / 300_000) * 5);
  if (minutes === 60) return 'in 1 hour';
  if (minutes > 60 && minutes % 60 === 0) return `in ${minutes / 60} hours`;
  return `in ${minutes} minutes`;
}

export type ReminderInput = {
  kind: ReminderKind;
  startsAt: number;
  now: number;
  sessionTitle: string;
  /** Whom the recipient meets: the practitioner's name, or the member's (if known). */
  withName: string | null;
  /** The recipient's zone: the member's at booking time, or the practitioner's. */
  timeZone: string;
};

/** The words of one reminder, personal and in the recipient's own time. */
export function reminderText(input: ReminderInput): { title: string; body: string } {
  const { kind, startsAt, now, sessionTitle, withName, timeZone } = input;
  const at = `${clockTime(startsAt, timeZone)} (${zoneLabel(safeZone(timeZone))})`;
  const who = withName ?? 'a member';
  if (kind === '24h') {
    const day = dayPhrase(startsAt, now, timeZone);
    const when = day === 'today' || day === 'tomorrow' ? day : `on ${day}`;
    return {
      title: `${sessionTitle} ${when}`,
      body: `Your session with ${who} is ${when} at ${at}.`,
    };
  }
  const left = timeLeft(startsAt, now);
  return {
    title: `${sessionTitle} starts ${left}`,
    body: `Your session with ${who} starts at ${at}. You can join from the booking a few minutes before.`,
  };
}
