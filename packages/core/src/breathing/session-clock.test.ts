import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeElapsedMs,
  isPaused,
  pauseClock,
  pausedMs,
  resumeClock,
  startClock,
  type SessionClock,
} from './session-clock';

const T0 = Date.UTC(2025, 0, 1, 8, 0, 0);

describe('session clock', () => {
  it('counts wall time while running', () => {
    const clock = startClock(T0);
    expect(isPaused(clock)).toBe(false);
    expect(activeElapsedMs(clock, T0)).toBe(0);
    expect(activeElapsedMs(clock, T0 + 42_000)).toBe(42_000);
    expect(pausedMs(clock, T0 + 42_000)).toBe(0);
  });

  it('stops counting while paused and carries on after resuming', () => {
    const paused = pauseClock(startClock(T0), T0 + 10_000);
    expect(isPaused(paused)).toBe(true);
    expect(activeElapsedMs(paused, T0 + 70_000)).toBe(10_000);
    expect(pausedMs(paused, T0 + 70_000)).toBe(60_000);

    const resumed = resumeClock(paused, T0 + 70_000);
    expect(isPaused(resumed)).toBe(false);
    expect(resumed.pauses).toEqual([{ from: T0 + 10_000, to: T0 + 70_000 }]);
    expect(activeElapsedMs(resumed, T0 + 75_000)).toBe(15_000);
  });

  it('ignores a second pause and a resume while running', () => {
    const running = startClock(T0);
    expect(resumeClock(running, T0 + 5)).toBe(running);
    const paused = pauseClock(running, T0 + 10);
    expect(pauseClock(paused, T0 + 20)).toBe(paused);
  });

  it('never reports negative time before the start', () => {
    expect(activeElapsedMs(startClock(T0), T0 - 5000)).toBe(0);
  });

  it('keeps intervals ordered when the wall clock steps backwards', () => {
    let clock = startClock(T0);
    clock = pauseClock(clock, T0 - 1000);
    clock = resumeClock(clock, T0 - 2000);
    expect(clock.pauses).toEqual([{ from: T0, to: T0 }]);
    clock = pauseClock(resumeClock(pauseClock(clock, T0 + 100), T0 + 200), T0 + 150);
    expect(clock.pauses.at(-1)).toEqual({ from: T0 + 200, to: null });
  });

  it('leaves the clock it was given untouched', () => {
    const clock = pauseClock(startClock(T0), T0 + 10);
    const snapshot = JSON.parse(JSON.stringify(clock)) as SessionClock;
    resumeClock(clock, T0 + 20);
    expect(clock).toEqual(snapshot);
  });
});

type Step = { op: 'pause' | 'resume' | 'wait'; ms: number };
const step = fc.record({
  op: fc.constantFrom<Step['op']>('pause', 'resume', 'wait'),
  ms: fc.integer({ min: 0, max: 600_000 }),
});

describe('session clock properties', () => {
  it('equals wall time minus paused intervals, and never decreases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 42 }),
        fc.array(step, { maxLength: 40 }),
        (start, steps) => {
          let clock = startClock(start);
          let now = start;
          let modelPaused = false;
          let modelActive = 0;
          let lastActive = 0;
          const history: [number, number][] = [];
          for (const { op, ms } of steps) {
            if (!modelPaused) modelActive += ms;
            now += ms;
            if (op === 'pause') {
              clock = pauseClock(clock, now);
              modelPaused = true;
            }
            if (op === 'resume') {
              clock = resumeClock(clock, now);
              modelPaused = false;
            }
            const active = activeElapsedMs(clock, now);
            expect(isPaused(clock)).toBe(modelPaused);
            expect(active).toBe(modelActive);
            expect(pausedMs(clock, now)).toBe(now - start - modelActive);
            expect(active).toBeGreaterThanOrEqual(lastActive);
            lastActive = active;
            history.push([now, active]);
          }
          // The final clock still tells the past correctly: later pauses do not rewrite it.
          for (const [at, active] of history) expect(activeElapsedMs(clock, at)).toBe(active);
        },
      ),
    );
  });

  it('stays non-negative and monotonic in now, whatever order instants arrive in', () => {
    const scenario = fc.record({
      start: fc.integer({ min: 0, max: 1_000_000 }),
      calls: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2_000_000 })), {
        maxLength: 30,
      }),
      queries: fc.array(fc.integer({ min: -1_000_000, max: 3_000_000 }), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(scenario, ({ start, calls, queries }) => {
        const clock = calls.reduce<SessionClock>(
          (c, [pause, at]) => (pause ? pauseClock(c, at) : resumeClock(c, at)),
          startClock(start),
        );
        let edge = clock.startedAt;
        for (const { from, to } of clock.pauses) {
          expect(from).toBeGreaterThanOrEqual(edge);
          expect(to ?? from).toBeGreaterThanOrEqual(from);
          edge = to ?? from;
        }
        let last = 0;
        for (const now of [...queries].sort((a, b) => a - b)) {
          const active = activeElapsedMs(clock, now);
          expect(active).toBeGreaterThanOrEqual(last);
          expect(active).toBeLessThanOrEqual(Math.max(0, now - start));
          last = active;
        }
      }),
    );
  });
});
