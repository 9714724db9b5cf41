import type { SessionRecord } from '@exhale/core';

type Summary = Pick<SessionRecord, 'status' | 'breathsCompleted' | 'totalBreaths'>;

/** "Completed", or "Ended early · 7 of 18 breaths". */
export function sessionStatusText(session: Summary): string {
  if (session.status === 'completed') return 'Completed';
  return `Ended early · ${session.breathsCompleted} of ${session.totalBreaths} breaths`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** 180 000 → "3 minutes", 72 000 → "1 minute 12 seconds", 8 000 → "8 seconds". */
export function durationText(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return plural(seconds, 'second');
  if (seconds === 0) return plural(minutes, 'minute');
  return `${plural(minutes, 'minute')} ${plural(seconds, 'second')}`;
}

/** When the session started, on the clock of the place it was taken: "Tue 3 Mar, 09:14". */
export function sessionDateText(session: Pick<SessionRecord, 'startedAt' | 'timeZone'>): string {
  const date = new Date(session.startedAt);
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  };
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: session.timeZone }).format(
      date,
    );
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}
