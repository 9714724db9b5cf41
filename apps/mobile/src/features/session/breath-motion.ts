import type { PhaseKind, SessionState } from '@exhale/core';

/** The circle's scale at the bottom of an exhale and the top of an inhale. */
export const MIN_SCALE = 0.55;
export const MAX_SCALE = 1;
/** Where the circle rests when motion is reduced: still, but clearly present. */
export const REST_SCALE = 0.8;

/** Sine ease-in-out: slow at both turns of the breath, like the breath itself. */
export function easeInOut(progress: number): number {
  const p = Math.min(Math.max(progress, 0), 1);
  return (1 - Math.cos(Math.PI * p)) / 2;
}

/** Grows on the inhale, stays full on the hold, shrinks on the exhale, stays small after. */
export function breathScale(state: Pick<SessionState, 'phase' | 'phaseProgress'>): number {
  const range = MAX_SCALE - MIN_SCALE;
  switch (state.phase) {
    case 'inhale':
      return MIN_SCALE + range * easeInOut(state.phaseProgress);
    case 'holdIn':
      return MAX_SCALE;
    case 'exhale':
      return MAX_SCALE - range * easeInOut(state.phaseProgress);
    case 'holdOut':
      return MIN_SCALE;
  }
}

const PHASE_LABELS: Record<PhaseKind, string> = {
  inhale: 'Breathe in',
  holdIn: 'Hold',
  exhale: 'Breathe out',
  holdOut: 'Hold',
};

export function phaseLabel(phase: PhaseKind): string {
  return PHASE_LABELS[phase];
}

/** Whole seconds left in the phase, counting down 5, 4, 3, 2, 1 (never 0 while it runs). */
export function phaseSecondsLeft(state: Pick<SessionState, 'phaseRemainingMs'>): number {
  return Math.ceil(state.phaseRemainingMs / 1000);
}
