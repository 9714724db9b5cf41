/** A pause from `from` until `to` (wall-clock ms); `to` is null while still paused. */
export interface PauseInterval {
  from: number;
  to: number | null;
}

/**
 * Pause and resume as data rather than timers, so the clock survives the app being
 * backgrounded or killed and restored: store it, and derive elapsed time from `now`.
 */
export interface SessionClock {
  startedAt: number;
  pauses: PauseInterval[];
}

export function startClock(now: number): SessionClock {
  return { startedAt: now, pauses: [] };
}

export function isPaused(clock: SessionClock): boolean {
  return clock.pauses.at(-1)?.to === null;
}

// Wall clocks can step backwards (NTP, manual changes). Pinning each new instant to the
// latest one already recorded keeps the intervals ordered and non-overlapping, which is
// what keeps activeElapsedMs monotonic.
export function pauseClock(clock: SessionClock, now: number): SessionClock {
  if (isPaused(clock)) return clock;
  const from = Math.max(now, clock.pauses.at(-1)?.to ?? clock.startedAt);
  return { ...clock, pauses: [...clock.pauses, { from, to: null }] };
}

export function resumeClock(clock: SessionClock, now: number): SessionClock {
  const last = clock.pauses.at(-1);
  if (last === undefined || last.to !== null) return clock;
  const to = Math.max(now, last.from);
  return { ...clock, pauses: [...clock.pauses.slice(0, -1), { from: last.from, to }] };
}

/** Paused time between the start and `now`; an open pause counts up to `now`. */
export function pausedMs(clock: SessionClock, now: number): number {
  let total = 0;
  for (const { from, to } of clock.pauses) {
    const end = Math.min(to ?? now, now);
    if (end > from) total += end - from;
  }
  return total;
}

/** Running time between the start and `now`: never negative, never decreasing in `now`. */
export function activeElapsedMs(clock: SessionClock, now: number): number {
  return Math.max(0, now - clock.startedAt - pausedMs(clock, now));
}
