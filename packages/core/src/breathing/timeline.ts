import {
  InvalidPatternError,
  PHASE_ORDER,
  resolvePattern,
  type BreathingPattern,
  type PhaseKind,
} from './pattern';

/** A phase of one breath; zero-length holds are left out so no phase is ever empty. */
export interface PlannedPhase {
  kind: PhaseKind;
  durationMs: number;
}

export interface SessionPlan {
  pattern: BreathingPattern;
  phases: PlannedPhase[];
  cycleMs: number;
  cycles: number;
  totalMs: number;
}

/** Where a phase starts; `breath` is 1-based. The session itself ends at `plan.totalMs`. */
export interface PhaseBoundary {
  atMs: number;
  kind: PhaseKind;
  breath: number;
}

export interface SessionState {
  elapsedMs: number;
  phase: PhaseKind;
  phaseIndex: number;
  phaseProgress: number;
  breath: number;
  totalBreaths: number;
  breathsCompleted: number;
  phaseRemainingMs: number;
  sessionRemainingMs: number;
  done: boolean;
}

/** @throws InvalidPatternError listing every issue at once. */
export function planSession(pattern: BreathingPattern): SessionPlan {
  const { issues, phasesMs, cycleMs, cycles } = resolvePattern(pattern);
  if (issues.length > 0) throw new InvalidPatternError(issues);
  const phases = PHASE_ORDER.filter((kind) => phasesMs[kind] > 0).map((kind) => ({
    kind,
    durationMs: phasesMs[kind],
  }));
  return { pattern, phases, cycleMs, cycles, totalMs: cycles * cycleMs };
}

export function phaseBoundaries(plan: SessionPlan): PhaseBoundary[] {
  const boundaries: PhaseBoundary[] = [];
  for (let cycle = 0; cycle < plan.cycles; cycle++) {
    let atMs = cycle * plan.cycleMs;
    for (const { kind, durationMs } of plan.phases) {
      boundaries.push({ atMs, kind, breath: cycle + 1 });
      atMs += durationMs;
    }
  }
  return boundaries;
}

function lastPhase(plan: SessionPlan): PlannedPhase {
  const phase = plan.phases.at(-1);
  if (phase === undefined) throw new RangeError('A session plan needs at least one phase');
  return phase;
}

function locatePhase(phases: PlannedPhase[], offsetInCycle: number) {
  let start = 0;
  for (const [index, phase] of phases.entries()) {
    if (offsetInCycle < start + phase.durationMs) return { index, start, phase };
    start += phase.durationMs;
  }
  throw new RangeError(
    `Offset ${offsetInCycle} ms lies beyond the cycle: the plan is inconsistent`,
  );
}

/**
 * The state of the session `elapsedMs` after it started, derived from the plan alone so
 * a late or skipped frame can never push the timeline off the clock. Elapsed time is
 * floored to the millisecond (performance.now() is fractional) and clamped to the
 * session, so every reported figure is a whole millisecond.
 */
export function sessionStateAt(plan: SessionPlan, elapsedMs: number): SessionState {
  if (Number.isNaN(elapsedMs)) throw new RangeError('elapsedMs must be a number, got NaN');
  const elapsed = Math.min(Math.max(Math.floor(elapsedMs), 0), plan.totalMs);
  const base = { elapsedMs: elapsed, totalBreaths: plan.cycles };

  if (elapsed >= plan.totalMs) {
    return {
      ...base,
      phase: lastPhase(plan).kind,
      phaseIndex: plan.phases.length - 1,
      phaseProgress: 1,
      breath: plan.cycles,
      breathsCompleted: plan.cycles,
      phaseRemainingMs: 0,
      sessionRemainingMs: 0,
      done: true,
    };
  }

  const cycle = Math.floor(elapsed / plan.cycleMs);
  const { index, start, phase } = locatePhase(plan.phases, elapsed - cycle * plan.cycleMs);
  const intoPhase = elapsed - cycle * plan.cycleMs - start;
  return {
    ...base,
    phase: phase.kind,
    phaseIndex: index,
    phaseProgress: intoPhase / phase.durationMs,
    breath: cycle + 1,
    breathsCompleted: cycle,
    phaseRemainingMs: phase.durationMs - intoPhase,
    sessionRemainingMs: plan.totalMs - elapsed,
    done: false,
  };
}
