import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleMsOf, validPattern, validPhasesMs } from './pattern-arbitraries';
import { FIRST_BREATH, PATTERN_LIMITS, PHASE_ORDER, type BreathingPattern } from './pattern';
import { phaseBoundaries, planSession, sessionStateAt, type SessionState } from './timeline';

const BOX: BreathingPattern = {
  id: 'box',
  name: 'Box',
  phases: { inhale: 4, holdIn: 4, exhale: 4, holdOut: 4 },
  length: { cycles: 2 },
};

describe('First Breath', () => {
  const plan = planSession(FIRST_BREATH);

  it('plans 18 ten-second breaths, exactly three minutes', () => {
    expect(plan.phases).toEqual([
      { kind: 'inhale', durationMs: 5000 },
      { kind: 'exhale', durationMs: 5000 },
    ]);
    expect(plan).toMatchObject({ cycleMs: 10_000, cycles: 18, totalMs: 180_000 });
  });

  it('has 36 boundaries, the 18th breath ending at 180 000 ms', () => {
    const boundaries = phaseBoundaries(plan);
    expect(boundaries).toHaveLength(36);
    expect(boundaries.slice(0, 3)).toEqual([
      { atMs: 0, kind: 'inhale', breath: 1 },
      { atMs: 5000, kind: 'exhale', breath: 1 },
      { atMs: 10_000, kind: 'inhale', breath: 2 },
    ]);
    expect(boundaries.at(-1)).toEqual({ atMs: 175_000, kind: 'exhale', breath: 18 });
    expect((boundaries.at(-1)?.atMs ?? 0) + 5000).toBe(plan.totalMs);
  });

  const running = (overrides: Partial<SessionState>): SessionState => ({
    elapsedMs: 0,
    phase: 'inhale',
    phaseIndex: 0,
    phaseProgress: 0,
    breath: 1,
    totalBreaths: 18,
    breathsCompleted: 0,
    phaseRemainingMs: 5000,
    sessionRemainingMs: 180_000,
    done: false,
    ...overrides,
  });
  const finished = running({
    elapsedMs: 180_000,
    phase: 'exhale',
    phaseIndex: 1,
    phaseProgress: 1,
    breath: 18,
    breathsCompleted: 18,
    phaseRemainingMs: 0,
    sessionRemainingMs: 0,
    done: true,
  });

  it.each<[number, SessionState]>([
    [0, running({})],
    [
      4999,
      running({
        elapsedMs: 4999,
        phaseProgress: 0.9998,
        phaseRemainingMs: 1,
        sessionRemainingMs: 175_001,
      }),
    ],
    [
      5000,
      running({ elapsedMs: 5000, phase: 'exhale', phaseIndex: 1, sessionRemainingMs: 175_000 }),
    ],
    [
      9999,
      running({
        elapsedMs: 9999,
        phase: 'exhale',
        phaseIndex: 1,
        phaseProgress: 0.9998,
        phaseRemainingMs: 1,
        sessionRemainingMs: 170_001,
      }),
    ],
    [
      10_000,
      running({ elapsedMs: 10_000, breath: 2, breathsCompleted: 1, sessionRemainingMs: 170_000 }),
    ],
    [
      179_999,
      running({
        elapsedMs: 179_999,
        phase: 'exhale',
        phaseIndex: 1,
        phaseProgress: 0.9998,
        breath: 18,
        breathsCompleted: 17,
        phaseRemainingMs: 1,
        sessionRemainingMs: 1,
      }),
    ],
    [180_000, finished],
    [180_001, finished],
    [Infinity, finished],
  ])('state at %d ms', (elapsedMs, expected) => {
    expect(sessionStateAt(plan, elapsedMs)).toEqual(expected);
  });

  it('clamps time before the start to the start', () => {
    expect(sessionStateAt(plan, -250)).toEqual(running({}));
    expect(sessionStateAt(plan, -Infinity)).toEqual(running({}));
  });

  it('floors fractional elapsed time to the millisecond', () => {
    expect(sessionStateAt(plan, 4999.999)).toMatchObject({ elapsedMs: 4999, phase: 'inhale' });
  });

  it('refuses NaN rather than showing a made-up state', () => {
    expect(() => sessionStateAt(plan, Number.NaN)).toThrow(RangeError);
  });

  it('changes label exactly at each boundary, and nowhere else', () => {
    const changes: { atMs: number; phase: string }[] = [];
    let previous: string | undefined;
    for (let ms = 0; ms < plan.totalMs; ms++) {
      const { phase } = sessionStateAt(plan, ms);
      if (phase !== previous) changes.push({ atMs: ms, phase });
      previous = phase;
    }
    expect(changes).toEqual(phaseBoundaries(plan).map(({ atMs, kind }) => ({ atMs, phase: kind })));
  });
});

describe('patterns with holds', () => {
  it('runs box breathing through all four phases', () => {
    const plan = planSession(BOX);
    expect(plan.phases.map((p) => p.kind)).toEqual(PHASE_ORDER);
    expect(plan.totalMs).toBe(32_000);
    expect(sessionStateAt(plan, 4000)).toMatchObject({ phase: 'holdIn', phaseIndex: 1 });
    expect(sessionStateAt(plan, 12_000)).toMatchObject({ phase: 'holdOut', breath: 1 });
    expect(sessionStateAt(plan, 16_000)).toMatchObject({ phase: 'inhale', breath: 2 });
  });

  it('leaves zero-length holds out of the plan (4-7-8)', () => {
    const plan = planSession({
      ...BOX,
      phases: { inhale: 4, holdIn: 7, exhale: 8, holdOut: 0 },
    });
    expect(plan.phases).toEqual([
      { kind: 'inhale', durationMs: 4000 },
      { kind: 'holdIn', durationMs: 7000 },
      { kind: 'exhale', durationMs: 8000 },
    ]);
    expect(sessionStateAt(plan, 18_999)).toMatchObject({ phase: 'exhale', phaseRemainingMs: 1 });
    expect(sessionStateAt(plan, 19_000)).toMatchObject({ phase: 'inhale', breath: 2 });
  });
});

describe('duration mode', () => {
  it.each([
    [180, 18],
    [189.999, 18],
    [190, 19],
    [5, 1],
  ])('%d s of First Breath plans %d whole breaths', (durationSeconds, cycles) => {
    const plan = planSession({ ...FIRST_BREATH, length: { durationSeconds } });
    expect(plan.cycles).toBe(cycles);
    expect(plan.totalMs).toBe(cycles * 10_000);
  });
});

function expectedBoundaries(phasesMs: Record<string, number>, cycles: number) {
  const expected: { atMs: number; kind: string; breath: number }[] = [];
  let atMs = 0;
  for (let breath = 1; breath <= cycles; breath++) {
    for (const kind of PHASE_ORDER) {
      const durationMs = phasesMs[kind] ?? 0;
      if (durationMs === 0) continue;
      expected.push({ atMs, kind, breath });
      atMs += durationMs;
    }
  }
  return { expected, endMs: atMs };
}

describe('timeline properties', () => {
  it('plans only the non-zero phases, in order, and totals their sum times the cycles', () => {
    fc.assert(
      fc.property(validPattern(), ({ pattern, phasesMs }) => {
        const plan = planSession(pattern);
        const cycles = 'cycles' in pattern.length ? pattern.length.cycles : NaN;
        expect(plan.phases).toEqual(
          PHASE_ORDER.filter((kind) => phasesMs[kind] > 0).map((kind) => ({
            kind,
            durationMs: phasesMs[kind],
          })),
        );
        expect(plan.cycles).toBe(cycles);
        expect(plan.totalMs).toBe(cycleMsOf(phasesMs) * cycles);
        expect(plan.totalMs).toBeLessThanOrEqual(PATTERN_LIMITS.maxSessionMs);
      }),
    );
  });

  it('puts every boundary exactly at the sum of the phases before it', () => {
    fc.assert(
      fc.property(validPattern(), ({ pattern, phasesMs }) => {
        const plan = planSession(pattern);
        const { expected, endMs } = expectedBoundaries(phasesMs, plan.cycles);
        expect(phaseBoundaries(plan)).toEqual(expected);
        expect(plan.totalMs).toBe(endMs);
      }),
    );
  });

  it('reports each boundary phase and breath with progress 0, and the previous one just before', () => {
    fc.assert(
      fc.property(validPattern(200), ({ pattern }) => {
        const plan = planSession(pattern);
        const boundaries = phaseBoundaries(plan);
        boundaries.forEach((boundary, k) => {
          const state = sessionStateAt(plan, boundary.atMs);
          expect(state).toMatchObject({
            phase: boundary.kind,
            breath: boundary.breath,
            breathsCompleted: boundary.breath - 1,
            phaseProgress: 0,
            done: false,
          });
          expect(state.phaseRemainingMs).toBe(
            (boundaries[k + 1]?.atMs ?? plan.totalMs) - boundary.atMs,
          );
          const previous = boundaries[k - 1];
          if (previous !== undefined) {
            expect(sessionStateAt(plan, boundary.atMs - 1)).toMatchObject({
              phase: previous.kind,
              breath: previous.breath,
              phaseRemainingMs: 1,
            });
          }
        });
        expect(sessionStateAt(plan, plan.totalMs).done).toBe(true);
        expect(sessionStateAt(plan, plan.totalMs - 1).done).toBe(false);
      }),
    );
  });

  it('moves only forward as elapsed time grows, and stays internally consistent', () => {
    const scenario = validPattern().chain(({ pattern }) => {
      const plan = planSession(pattern);
      const elapsed = fc.double({ min: -10_000, max: plan.totalMs + 10_000, noNaN: true });
      return fc.tuple(fc.constant(plan), fc.array(elapsed, { minLength: 2, maxLength: 60 }));
    });
    fc.assert(
      fc.property(scenario, ([plan, times]) => {
        const states = [...times].sort((a, b) => a - b).map((t) => sessionStateAt(plan, t));
        states.forEach((state, i) => {
          expect(state.phaseProgress).toBeGreaterThanOrEqual(0);
          expect(state.phaseProgress).toBeLessThanOrEqual(1);
          expect(state.phase).toBe(plan.phases[state.phaseIndex]?.kind);
          expect(state.breath).toBeGreaterThanOrEqual(1);
          expect(state.breath).toBeLessThanOrEqual(plan.cycles);
          expect(state.elapsedMs + state.sessionRemainingMs).toBe(plan.totalMs);
          expect(state.done).toBe(state.elapsedMs >= plan.totalMs);
          expect(state.phaseRemainingMs).toBeLessThanOrEqual(plan.cycleMs);
          const before = states[i - 1];
          if (before === undefined) return;
          expect(state.elapsedMs).toBeGreaterThanOrEqual(before.elapsedMs);
          expect(state.breath).toBeGreaterThanOrEqual(before.breath);
          expect(state.breathsCompleted).toBeGreaterThanOrEqual(before.breathsCompleted);
          expect(state.sessionRemainingMs).toBeLessThanOrEqual(before.sessionRemainingMs);
        });
      }),
    );
  });

  it('fits the most whole breaths into a duration, and at least one', () => {
    const scenario = fc.record({
      phasesMs: validPhasesMs,
      durationMs: fc.integer({ min: 1, max: PATTERN_LIMITS.maxSessionMs }),
    });
    fc.assert(
      fc.property(scenario, ({ phasesMs, durationMs }) => {
        const cycleMs = cycleMsOf(phasesMs);
        const cycles = Math.max(1, Math.floor(durationMs / cycleMs));
        fc.pre(cycles <= PATTERN_LIMITS.maxCycles);
        const plan = planSession({
          ...FIRST_BREATH,
          phases: {
            inhale: phasesMs.inhale / 1000,
            holdIn: phasesMs.holdIn / 1000,
            exhale: phasesMs.exhale / 1000,
            holdOut: phasesMs.holdOut / 1000,
          },
          length: { durationSeconds: durationMs / 1000 },
        });
        expect(plan.cycles).toBe(cycles);
        expect(plan.totalMs).toBe(cycles * cycleMs);
        if (cycles > 1) expect(plan.totalMs).toBeLessThanOrEqual(durationMs);
        expect(plan.totalMs + cycleMs).toBeGreaterThan(durationMs);
      }),
    );
  });
});
