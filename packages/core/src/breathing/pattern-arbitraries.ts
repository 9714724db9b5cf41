import fc from 'fast-check';
import { PATTERN_LIMITS, type BreathingPattern, type PhaseKind } from './pattern';

// Test-only generators, shared by the property tests. Phases are generated as whole
// milliseconds so the tests can compute expectations from integers, independently of
// the engine's own seconds-to-milliseconds conversion.

export interface GeneratedPattern {
  pattern: BreathingPattern;
  phasesMs: Record<PhaseKind, number>;
}

const breathPhaseMs = fc.integer({
  min: PATTERN_LIMITS.minPhaseMs,
  max: PATTERN_LIMITS.maxPhaseMs,
});
const holdMs = fc.oneof(fc.constant(0), breathPhaseMs);

export const validPhasesMs = fc.record({
  inhale: breathPhaseMs,
  holdIn: holdMs,
  exhale: breathPhaseMs,
  holdOut: holdMs,
});

export function cycleMsOf(phasesMs: Record<PhaseKind, number>): number {
  return phasesMs.inhale + phasesMs.holdIn + phasesMs.exhale + phasesMs.holdOut;
}

function toPattern(phasesMs: Record<PhaseKind, number>, cycles: number): BreathingPattern {
  return {
    id: 'generated',
    name: 'Generated',
    phases: {
      inhale: phasesMs.inhale / 1000,
      holdIn: phasesMs.holdIn / 1000,
      exhale: phasesMs.exhale / 1000,
      holdOut: phasesMs.holdOut / 1000,
    },
    length: { cycles },
  };
}

/** A valid cycles-mode pattern; `maxCycles` keeps per-boundary properties fast. */
export function validPattern(maxCycles: number = PATTERN_LIMITS.maxCycles) {
  return validPhasesMs.chain((phasesMs) => {
    const fitting = Math.floor(PATTERN_LIMITS.maxSessionMs / cycleMsOf(phasesMs));
    const max = Math.min(maxCycles, PATTERN_LIMITS.maxCycles, fitting);
    return fc
      .integer({ min: 1, max })
      .map((cycles): GeneratedPattern => ({ pattern: toPattern(phasesMs, cycles), phasesMs }));
  });
}
