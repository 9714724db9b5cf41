export type PhaseKind = 'inhale' | 'holdIn' | 'exhale' | 'holdOut';

/** The order phases run in within one breath (one cycle). */
export const PHASE_ORDER: readonly PhaseKind[] = ['inhale', 'holdIn', 'exhale', 'holdOut'];

/** Seconds per phase; holds may be 0, inhale and exhale may not. */
export interface PatternPhases {
  inhale: number;
  holdIn: number;
  exhale: number;
  holdOut: number;
}

export type PatternLength = { cycles: number } | { durationSeconds: number };

export interface BreathingPattern {
  id: string;
  name: string;
  phases: PatternPhases;
  length: PatternLength;
}

/**
 * Bounds that keep a pattern something a person can actually follow. The floor on
 * phases stops sub-second flicker in the animation; the ceilings stop a typo (600 s
 * instead of 6 s, 10 000 cycles) from producing a session nobody would sit through.
 */
export const PATTERN_LIMITS = {
  minPhaseMs: 500,
  maxPhaseMs: 60_000,
  maxSessionMs: 2 * 60 * 60 * 1000,
  maxCycles: 1000,
} as const;

export const FIRST_BREATH: BreathingPattern = {
  id: 'first-breath',
  name: 'First Breath',
  phases: { inhale: 5, holdIn: 0, exhale: 5, holdOut: 0 },
  length: { cycles: 18 },
};

export class InvalidPatternError extends Error {
  readonly code = 'invalid_pattern';
  readonly issues: string[];

  constructor(issues: string[]) {
    super(`Invalid breathing pattern: ${issues.join('; ')}`);
    this.name = 'InvalidPatternError';
    this.issues = issues;
  }
}

/** A pattern checked and converted to the integer milliseconds the timeline runs on. */
export interface ResolvedPattern {
  issues: string[];
  phasesMs: Record<PhaseKind, number>;
  cycleMs: number;
  cycles: number;
}

// Float seconds such as 1.1 become 1100.0000000000002 ms; anything closer than this to a
// whole millisecond is taken as exact, anything further (1/3 s) is rejected.
const WHOLE_MS_TOLERANCE = 1e-6;

function toWholeMs(seconds: number): number | null {
  const ms = seconds * 1000;
  const rounded = Math.round(ms);
  return Math.abs(ms - rounded) < WHOLE_MS_TOLERANCE ? rounded : null;
}

/** The phase in whole milliseconds, or null after recording why it is unusable. */
function checkPhase(kind: PhaseKind, seconds: number, issues: string[]): number | null {
  const label = `phases.${kind}`;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    issues.push(`${label} must be a finite number of seconds (got ${String(seconds)})`);
    return null;
  }
  if (seconds < 0) {
    issues.push(`${label} must not be negative (got ${seconds} s)`);
    return null;
  }
  const ms = toWholeMs(seconds);
  if (ms === null) {
    issues.push(`${label} must be a whole number of milliseconds (got ${seconds} s)`);
    return null;
  }
  if (ms === 0) {
    if (kind === 'holdIn' || kind === 'holdOut') return 0;
    issues.push(`${label} must be longer than 0 s: every breath needs one`);
    return null;
  }
  if (ms < PATTERN_LIMITS.minPhaseMs) {
    issues.push(
      `${label} must be 0 or at least ${PATTERN_LIMITS.minPhaseMs / 1000} s (got ${seconds} s)`,
    );
    return null;
  }
  if (ms > PATTERN_LIMITS.maxPhaseMs) {
    issues.push(
      `${label} must be at most ${PATTERN_LIMITS.maxPhaseMs / 1000} s (got ${seconds} s)`,
    );
    return null;
  }
  return ms;
}

/** Returns the number of cycles the length asks for, or 0 after recording why it cannot. */
function checkLength(length: PatternLength, cycleMs: number, issues: string[]): number {
  const hasCycles = 'cycles' in length;
  const hasDuration = 'durationSeconds' in length;
  if (hasCycles === hasDuration) {
    issues.push('length must give either cycles or durationSeconds, not both or neither');
    return 0;
  }
  if ('cycles' in length) {
    const { cycles } = length;
    if (!Number.isInteger(cycles) || cycles < 1) {
      issues.push(`length.cycles must be a positive whole number (got ${String(cycles)})`);
      return 0;
    }
    return cycles;
  }
  const { durationSeconds } = length;
  const durationMs =
    typeof durationSeconds === 'number' && Number.isFinite(durationSeconds)
      ? toWholeMs(durationSeconds)
      : null;
  if (durationMs === null || durationMs <= 0) {
    issues.push(
      `length.durationSeconds must be a positive whole number of milliseconds (got ${String(durationSeconds)})`,
    );
    return 0;
  }
  if (durationMs > PATTERN_LIMITS.maxSessionMs) {
    issues.push(
      `length.durationSeconds must be at most ${PATTERN_LIMITS.maxSessionMs / 1000} s (got ${durationSeconds} s)`,
    );
    return 0;
  }
  // Only whole breaths are ever planned, so the session ends on an exhale (or hold)
  // rather than mid-breath; a duration shorter than one breath still gets one breath.
  return cycleMs > 0 ? Math.max(1, Math.floor(durationMs / cycleMs)) : 0;
}

export function resolvePattern(p: BreathingPattern): ResolvedPattern {
  const issues: string[] = [];
  if (typeof p.id !== 'string' || p.id.trim() === '') issues.push('id must not be empty');
  if (typeof p.name !== 'string' || p.name.trim() === '') issues.push('name must not be empty');

  const phasesMs = { inhale: 0, holdIn: 0, exhale: 0, holdOut: 0 };
  let phasesValid = true;
  for (const kind of PHASE_ORDER) {
    const ms = checkPhase(kind, p.phases[kind], issues);
    if (ms === null) phasesValid = false;
    else phasesMs[kind] = ms;
  }
  // Cycle-dependent checks need every phase; 0 here means "unknown", so they are skipped.
  const cycleMs = phasesValid ? PHASE_ORDER.reduce((sum, kind) => sum + phasesMs[kind], 0) : 0;

  const cycles = checkLength(p.length, cycleMs, issues);
  if (cycleMs > 0 && cycles > PATTERN_LIMITS.maxCycles) {
    issues.push(`session must be at most ${PATTERN_LIMITS.maxCycles} breaths (got ${cycles})`);
  } else if (cycleMs > 0 && cycles * cycleMs > PATTERN_LIMITS.maxSessionMs) {
    issues.push(
      `session must be at most ${PATTERN_LIMITS.maxSessionMs / 1000} s (got ${(cycles * cycleMs) / 1000} s)`,
    );
  }
  return { issues, phasesMs, cycleMs, cycles };
}

/** Every problem with the pattern in words a person can act on; [] when it is fine. */
export function validatePattern(p: BreathingPattern): string[] {
  return resolvePattern(p).issues;
}
