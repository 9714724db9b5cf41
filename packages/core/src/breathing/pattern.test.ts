import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validPattern } from './pattern-arbitraries';
import {
  FIRST_BREATH,
  InvalidPatternError,
  PATTERN_LIMITS,
  validatePattern,
  type BreathingPattern,
  type PatternPhases,
} from './pattern';
import { planSession } from './timeline';

function withPhases(phases: Partial<PatternPhases>): BreathingPattern {
  return { ...FIRST_BREATH, phases: { ...FIRST_BREATH.phases, ...phases } };
}

function withLength(length: BreathingPattern['length']): BreathingPattern {
  return { ...FIRST_BREATH, length };
}

describe('validatePattern', () => {
  it('accepts First Breath', () => {
    expect(validatePattern(FIRST_BREATH)).toEqual([]);
  });

  it('accepts fractional seconds that are whole milliseconds, float noise included', () => {
    expect(validatePattern(withPhases({ inhale: 5.5, exhale: 1.1, holdIn: 0.7 }))).toEqual([]);
  });

  it('rejects seconds that are not a whole number of milliseconds', () => {
    expect(validatePattern(withPhases({ inhale: 1 / 3 }))).toEqual([
      'phases.inhale must be a whole number of milliseconds (got 0.3333333333333333 s)',
    ]);
  });

  it.each([
    [{ inhale: Number.NaN }, 'phases.inhale must be a finite number of seconds (got NaN)'],
    [{ holdIn: Infinity }, 'phases.holdIn must be a finite number of seconds (got Infinity)'],
    [{ holdOut: -1 }, 'phases.holdOut must not be negative (got -1 s)'],
    [{ inhale: 0 }, 'phases.inhale must be longer than 0 s: every breath needs one'],
    [{ exhale: 0 }, 'phases.exhale must be longer than 0 s: every breath needs one'],
    [{ holdIn: 0.2 }, 'phases.holdIn must be 0 or at least 0.5 s (got 0.2 s)'],
    [{ exhale: 61 }, 'phases.exhale must be at most 60 s (got 61 s)'],
  ])('reports the bad phase %o', (phases, issue) => {
    expect(validatePattern(withPhases(phases))).toEqual([issue]);
  });

  it('allows both holds to be 0 and each to be at the limits', () => {
    expect(validatePattern(withPhases({ holdIn: 0, holdOut: 0 }))).toEqual([]);
    expect(validatePattern(withPhases({ inhale: 0.5, holdIn: 60, holdOut: 0.5 }))).toEqual([]);
  });

  it.each([
    [{ cycles: 0 }, 'length.cycles must be a positive whole number (got 0)'],
    [{ cycles: -2 }, 'length.cycles must be a positive whole number (got -2)'],
    [{ cycles: 1.5 }, 'length.cycles must be a positive whole number (got 1.5)'],
    [{ cycles: 1001 }, 'session must be at most 1000 breaths (got 1001)'],
    [
      { durationSeconds: 0 },
      'length.durationSeconds must be a positive whole number of milliseconds (got 0)',
    ],
    [
      { durationSeconds: Number.NaN },
      'length.durationSeconds must be a positive whole number of milliseconds (got NaN)',
    ],
    [{ durationSeconds: 7201 }, 'length.durationSeconds must be at most 7200 s (got 7201 s)'],
  ])('reports the bad length %o', (length, issue) => {
    expect(validatePattern(withLength(length))).toEqual([issue]);
  });

  it('rejects a length that gives both cycles and a duration', () => {
    const length = { cycles: 3, durationSeconds: 60 } as BreathingPattern['length'];
    expect(validatePattern(withLength(length))).toEqual([
      'length must give either cycles or durationSeconds, not both or neither',
    ]);
  });

  it('rejects a session longer than two hours', () => {
    const pattern: BreathingPattern = {
      ...FIRST_BREATH,
      phases: { inhale: 60, holdIn: 0, exhale: 60, holdOut: 0 },
      length: { cycles: 61 },
    };
    expect(validatePattern(pattern)).toEqual(['session must be at most 7200 s (got 7320 s)']);
    expect(validatePattern({ ...pattern, length: { cycles: 60 } })).toEqual([]);
  });

  it('rejects a duration that fits more than the maximum number of breaths', () => {
    const pattern: BreathingPattern = {
      ...FIRST_BREATH,
      phases: { inhale: 0.5, holdIn: 0, exhale: 0.5, holdOut: 0 },
      length: { durationSeconds: 1001 },
    };
    expect(validatePattern(pattern)).toEqual(['session must be at most 1000 breaths (got 1001)']);
  });

  it('reports blank id and name', () => {
    expect(validatePattern({ ...FIRST_BREATH, id: '', name: '   ' })).toEqual([
      'id must not be empty',
      'name must not be empty',
    ]);
  });

  it('reports every issue at once', () => {
    const pattern: BreathingPattern = {
      id: '',
      name: '',
      phases: { inhale: 0, holdIn: -1, exhale: 90, holdOut: 1 / 3 },
      length: { cycles: 0 },
    };
    expect(validatePattern(pattern)).toEqual([
      'id must not be empty',
      'name must not be empty',
      'phases.inhale must be longer than 0 s: every breath needs one',
      'phases.holdIn must not be negative (got -1 s)',
      'phases.exhale must be at most 60 s (got 90 s)',
      'phases.holdOut must be a whole number of milliseconds (got 0.3333333333333333 s)',
      'length.cycles must be a positive whole number (got 0)',
    ]);
  });
});

describe('InvalidPatternError', () => {
  it('carries a stable code and every issue', () => {
    const error = new InvalidPatternError(['a', 'b']);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('invalid_pattern');
    expect(error.name).toBe('InvalidPatternError');
    expect(error.issues).toEqual(['a', 'b']);
    expect(error.message).toBe('Invalid breathing pattern: a; b');
  });
});

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

// Field-local corruptions: each one is reported no matter what else is wrong.
const badPhase = fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 1 / 3, 0.2, 60.001, 1e6);
const badBreathPhase = fc.oneof(badPhase, fc.constant(0));
const badLength = fc.oneof(
  fc.constantFrom(0, -1, 1.5, Number.NaN, Infinity).map((cycles) => ({ cycles })),
  fc
    .constantFrom(0, -5, Number.NaN, Infinity, 7200.001, 1 / 3)
    .map((durationSeconds) => ({ durationSeconds })),
);
const blank = fc.constantFrom('', ' ', '\t\n');

const corruption = fc.record(
  {
    id: blank,
    name: blank,
    inhale: badBreathPhase,
    holdIn: badPhase,
    exhale: badBreathPhase,
    holdOut: badPhase,
    length: badLength,
  },
  { requiredKeys: [] },
);

describe('validatePattern properties', () => {
  it('reports at least one issue per corrupted field, and planSession throws them all', () => {
    fc.assert(
      fc.property(validPattern(), corruption, ({ pattern }, bad) => {
        fc.pre(Object.keys(bad).length > 0);
        const corrupted: BreathingPattern = {
          id: bad.id ?? pattern.id,
          name: bad.name ?? pattern.name,
          phases: {
            inhale: bad.inhale ?? pattern.phases.inhale,
            holdIn: bad.holdIn ?? pattern.phases.holdIn,
            exhale: bad.exhale ?? pattern.phases.exhale,
            holdOut: bad.holdOut ?? pattern.phases.holdOut,
          },
          length: bad.length ?? pattern.length,
        };
        const issues = validatePattern(corrupted);
        expect(issues.length).toBeGreaterThanOrEqual(Object.keys(bad).length);
        const error = thrownBy(() => planSession(corrupted));
        expect(error).toBeInstanceOf(InvalidPatternError);
        expect((error as InvalidPatternError).issues).toEqual(issues);
      }),
    );
  });

  it('rejects any session made too long by adding one more breath than fits', () => {
    fc.assert(
      fc.property(validPattern(), ({ pattern }) => {
        const { cycleMs } = planSession(pattern);
        const fitting = Math.floor(PATTERN_LIMITS.maxSessionMs / cycleMs);
        const tooMany = Math.min(fitting, PATTERN_LIMITS.maxCycles) + 1;
        const corrupted = { ...pattern, length: { cycles: tooMany } };
        expect(validatePattern(corrupted)).toHaveLength(1);
        expect(() => planSession(corrupted)).toThrow(InvalidPatternError);
      }),
    );
  });
});
