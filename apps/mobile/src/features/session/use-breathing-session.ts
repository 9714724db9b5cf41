import {
  activeElapsedMs,
  isPaused,
  pauseClock,
  resumeClock,
  sessionStateAt,
  startClock,
  type PhaseKind,
  type SessionClock,
  type SessionPlan,
  type SessionState,
} from '@exhale/core';
import { useEffect, useRef, useState } from 'react';

import { phaseSecondsLeft } from './breath-motion';
import { commitFrameUpdate } from './commit-frame-update';

export type SessionStatus = 'running' | 'paused' | 'finished';

/** What the screen shows as text. It changes a few times per phase, not on every frame. */
export interface SessionView {
  status: SessionStatus;
  phase: PhaseKind;
  phaseSeconds: number;
  breath: number;
  totalBreaths: number;
}

export interface SessionOutcome {
  /** The engine's state when the session ended: `done` when every breath was taken. */
  state: SessionState;
  startedAt: Date;
  endedAt: Date;
}

interface RunnerOptions {
  plan: SessionPlan;
  onFrame: (state: SessionState) => void;
  onView: (view: SessionView) => void;
  onFinish: (outcome: SessionOutcome) => void;
}

export interface SessionRunner {
  start(): void;
  pause(): void;
  resume(): void;
  end(): void;
  /** Stops the frame loop without finishing (the screen went away). */
  stop(): void;
}

function toView(state: SessionState, status: SessionStatus): SessionView {
  return {
    status,
    phase: state.phase,
    phaseSeconds: phaseSecondsLeft(state),
    breath: state.breath,
    totalBreaths: state.totalBreaths,
  };
}

function sameView(a: SessionView, b: SessionView): boolean {
  return (
    a.status === b.status &&
    a.phase === b.phase &&
    a.phaseSeconds === b.phaseSeconds &&
    a.breath === b.breath &&
    a.totalBreaths === b.totalBreaths
  );
}

/**
 * A User Timing mark at the clock's start, so profilers (and bench/pacer) can line the
 * screen up with the engine's boundaries. Not every runtime has the User Timing API.
 */
function markSessionStart() {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.mark(SESSION_START_MARK);
  }
}

export const SESSION_START_MARK = 'exhale:session-start';

export function initialView(plan: SessionPlan): SessionView {
  return toView(sessionStateAt(plan, 0), 'running');
}

/**
 * The frame loop. Every frame reads the wall clock and asks the engine where the session
 * is: nothing is accumulated from frame to frame, so a slow or dropped frame only delays
 * that one frame and never shifts a later phase. The view (text) is published only when
 * it changes; the per-frame state goes to `onFrame` for animations that bypass React.
 */
export function createSessionRunner({ plan, onFrame, onView, onFinish }: RunnerOptions) {
  let clock: SessionClock | null = null;
  let frameId: ReturnType<typeof requestAnimationFrame> | null = null;
  let lastView = initialView(plan);
  let finished = false;

  const stateAt = (activeClock: SessionClock, now: number) =>
    sessionStateAt(plan, activeElapsedMs(activeClock, now));

  function publish(state: SessionState, status: SessionStatus) {
    onFrame(state);
    const next = toView(state, status);
    if (!sameView(lastView, next)) {
      lastView = next;
      onView(next);
    }
  }

  function cancelFrame() {
    if (frameId !== null) cancelAnimationFrame(frameId);
    frameId = null;
  }

  function finish(activeClock: SessionClock, now: number) {
    const elapsed = activeElapsedMs(activeClock, now);
    const state = sessionStateAt(plan, elapsed);
    finished = true;
    cancelFrame();
    publish(state, 'finished');
    // A frame that arrives late (app in the background) must not stretch the session: a
    // completed session ended when its last breath did, not when the app next drew.
    const overshoot = Math.max(0, elapsed - plan.totalMs);
    onFinish({
      state,
      startedAt: new Date(activeClock.startedAt),
      endedAt: new Date(Math.max(activeClock.startedAt, now - overshoot)),
    });
  }

  function tick() {
    frameId = null;
    if (clock === null || finished) return;
    const now = Date.now();
    const state = stateAt(clock, now);
    if (state.done) {
      finish(clock, now);
      return;
    }
    publish(state, 'running');
    frameId = requestAnimationFrame(tick);
  }

  return {
    start() {
      cancelFrame();
      finished = false;
      clock = startClock(Date.now());
      markSessionStart();
      publish(stateAt(clock, clock.startedAt), 'running');
      frameId = requestAnimationFrame(tick);
    },
    pause() {
      if (clock === null || finished || isPaused(clock)) return;
      const now = Date.now();
      if (stateAt(clock, now).done) {
        finish(clock, now);
        return;
      }
      clock = pauseClock(clock, now);
      cancelFrame();
      publish(stateAt(clock, now), 'paused');
    },
    resume() {
      if (clock === null || finished || !isPaused(clock)) return;
      const now = Date.now();
      clock = resumeClock(clock, now);
      publish(stateAt(clock, now), 'running');
      frameId = requestAnimationFrame(tick);
    },
    end() {
      if (clock === null || finished) return;
      finish(clock, Date.now());
    },
    stop() {
      cancelFrame();
    },
  } satisfies SessionRunner;
}

export interface BreathingSessionOptions {
  plan: SessionPlan;
  /** Every display frame, with the engine's state: drive animations from here. */
  onFrame?: (state: SessionState) => void;
  /** Once, when the last breath ends or the person ends early. */
  onFinish?: (outcome: SessionOutcome) => void;
}

/**
 * Runs a breathing session from mount: `view` re-renders only when the phase, its whole
 * seconds, the breath or the status change; `onFrame` gets every frame.
 */
export function useBreathingSession({ plan, onFrame, onFinish }: BreathingSessionOptions) {
  const [view, setView] = useState(() => initialView(plan));
  const handlers = useRef({ onFrame, onFinish });
  useEffect(() => {
    handlers.current = { onFrame, onFinish };
  });

  const [runner] = useState(() =>
    createSessionRunner({
      plan,
      onFrame: (state) => handlers.current.onFrame?.(state),
      onView: (next) => commitFrameUpdate(() => setView(next)),
      onFinish: (outcome) => handlers.current.onFinish?.(outcome),
    }),
  );

  useEffect(() => {
    runner.start();
    return () => runner.stop();
  }, [runner]);

  return { view, pause: runner.pause, resume: runner.resume, end: runner.end };
}
