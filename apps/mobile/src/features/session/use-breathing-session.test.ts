import { FIRST_BREATH, planSession, type SessionState } from '@exhale/core';
import { act, renderHook } from '@testing-library/react-native';

import { useBreathingSession, type SessionOutcome } from './use-breathing-session';

const PLAN = planSession(FIRST_BREATH);
const START = new Date('2026-03-02T08:00:00.000Z');

// Modern fake timers fake Date.now and setTimeout; jest.setup.ts turns
// requestAnimationFrame into a 16 ms timer, so time only moves when a test advances it.
beforeEach(() => {
  jest.useFakeTimers({ now: START });
});
afterEach(() => {
  jest.useRealTimers();
});

function advance(ms: number) {
  act(() => {
    jest.advanceTimersByTime(ms);
  });
}

function renderSession() {
  const frames: SessionState[] = [];
  const outcomes: SessionOutcome[] = [];
  let renders = 0;
  const hook = renderHook(() => {
    renders += 1;
    return useBreathingSession({
      plan: PLAN,
      onFrame: (state) => frames.push(state),
      onFinish: (outcome) => outcomes.push(outcome),
    });
  });
  return { ...hook, frames, outcomes, renders: () => renders };
}

describe('useBreathingSession', () => {
  it('starts on the first inhale with the whole phase ahead', () => {
    const { result } = renderSession();
    expect(result.current.view).toEqual({
      status: 'running',
      phase: 'inhale',
      phaseSeconds: 5,
      breath: 1,
      totalBreaths: 18,
    });
  });

  it('turns to the exhale on the first frame after 5 s and to breath 2 after 10 s', () => {
    const { result } = renderSession();
    advance(4_990);
    expect(result.current.view).toMatchObject({ phase: 'inhale', phaseSeconds: 1, breath: 1 });
    advance(20);
    expect(result.current.view).toMatchObject({ phase: 'exhale', phaseSeconds: 5, breath: 1 });
    advance(5_000);
    expect(result.current.view).toMatchObject({ phase: 'inhale', phaseSeconds: 5, breath: 2 });
  });

  it('counts whole seconds down within a phase (ceil of the time left)', () => {
    const { result } = renderSession();
    const seen: number[] = [];
    advance(500);
    for (let i = 0; i < 6; i++) {
      seen.push(result.current.view.phaseSeconds);
      advance(1_000);
    }
    // Half-way through each second of the inhale (4.5 s left shows 5), then the exhale.
    expect(seen).toEqual([5, 4, 3, 2, 1, 5]);
  });

  it('reports every frame to onFrame but re-renders only when the text changes', () => {
    const { frames, renders } = renderSession();
    const rendersBefore = renders();
    advance(10_000);
    expect(frames.length).toBeGreaterThan(600);
    // 10 s = 2 phases: 5 distinct seconds each plus the breath change, not 600 renders.
    expect(renders() - rendersBefore).toBeLessThanOrEqual(12);
  });

  it('takes each frame from the clock, so a long stall does not shift later phases', () => {
    const { result, frames } = renderSession();
    advance(3_000);
    // The JS thread freezes for 4.5 s: no frame runs, then the clock has moved on.
    const stalledUntil = Date.now() + 4_500;
    jest.setSystemTime(stalledUntil);
    advance(16);
    const afterStall = frames.at(-1);
    expect(afterStall?.elapsedMs).toBeGreaterThanOrEqual(7_500);
    expect(result.current.view).toMatchObject({ phase: 'exhale', breath: 1 });
    // The next boundary is still exactly 10 s after the start.
    advance(10_000 - (Date.now() - START.getTime()) - 10);
    expect(result.current.view).toMatchObject({ phase: 'exhale', breath: 1 });
    advance(20);
    expect(result.current.view).toMatchObject({ phase: 'inhale', breath: 2 });
  });

  it('gives per-frame progress that rises through the inhale and falls back at the exhale', () => {
    const { frames } = renderSession();
    advance(2_500);
    const midInhale = frames.at(-1);
    expect(midInhale?.phase).toBe('inhale');
    expect(midInhale?.phaseProgress).toBeCloseTo(0.5, 1);
    advance(5_000);
    const midExhale = frames.at(-1);
    expect(midExhale?.phase).toBe('exhale');
    expect(midExhale?.phaseProgress).toBeCloseTo(0.5, 1);
  });

  it('pause freezes the session; resume continues where it left off', () => {
    const { result, frames } = renderSession();
    advance(7_000); // exhale of breath 1, 3 s left
    act(() => result.current.pause());
    expect(result.current.view).toMatchObject({
      status: 'paused',
      phase: 'exhale',
      phaseSeconds: 3,
      breath: 1,
    });
    const framesWhenPaused = frames.length;

    advance(60_000);
    expect(result.current.view).toMatchObject({ status: 'paused', phaseSeconds: 3, breath: 1 });
    expect(frames.length).toBe(framesWhenPaused);

    act(() => result.current.resume());
    expect(result.current.view).toMatchObject({ status: 'running', phase: 'exhale', breath: 1 });
    advance(2_990);
    expect(result.current.view).toMatchObject({ phase: 'exhale', phaseSeconds: 1, breath: 1 });
    advance(20);
    expect(result.current.view).toMatchObject({ phase: 'inhale', breath: 2 });
  });

  it('end finishes early with the breaths completed so far', () => {
    const { result, outcomes } = renderSession();
    advance(72_000); // breath 8, 2 s into its inhale
    act(() => result.current.end());
    expect(result.current.view.status).toBe('finished');
    expect(outcomes).toHaveLength(1);
    const [outcome] = outcomes;
    expect(outcome?.state).toMatchObject({ done: false, breath: 8, breathsCompleted: 7 });
    expect(outcome?.state.elapsedMs).toBe(72_000);
    expect(outcome?.startedAt).toEqual(START);
    expect(outcome?.endedAt).toEqual(new Date(START.getTime() + 72_000));

    act(() => result.current.end());
    advance(200_000);
    expect(outcomes).toHaveLength(1);
  });

  it('finishes on its own after 180 s of breathing, excluding paused time', () => {
    const { result, outcomes } = renderSession();
    advance(30_000);
    act(() => result.current.pause());
    advance(20_000);
    act(() => result.current.resume());
    advance(149_990);
    expect(outcomes).toHaveLength(0);
    expect(result.current.view).toMatchObject({ breath: 18, phase: 'exhale', phaseSeconds: 1 });
    advance(20);
    expect(outcomes).toHaveLength(1);
    const [outcome] = outcomes;
    expect(outcome?.state).toMatchObject({ done: true, breathsCompleted: 18, elapsedMs: 180_000 });
    // Ended when the last exhale did: start + 180 s of breathing + 20 s paused.
    expect(outcome?.endedAt).toEqual(new Date(START.getTime() + 200_000));
    expect(result.current.view.status).toBe('finished');
  });

  it('stops its frame loop on unmount', () => {
    const { unmount, frames } = renderSession();
    advance(1_000);
    unmount();
    const count = frames.length;
    advance(5_000);
    expect(frames.length).toBe(count);
  });
});
