import type { PhaseKind } from '@exhale/core';

export interface ExpectedBoundary {
  atMs: number;
  kind: PhaseKind;
  breath: number;
}
export interface Observation {
  at: number;
}
export interface BoundaryError {
  breath: number;
  expectedMs: number;
  errorMs: number;
}
export interface PacerSummary {
  count: number;
  medianAbsMs: number;
  maxAbsMs: number;
  /** Mean |error| of the first and of the last few boundaries: drift would widen the gap. */
  meanFirstMs: number;
  meanLastMs: number;
  slopeMsPerBreath: number;
  missing: number;
}

/** Pairs each expected boundary with the first observation at or after it (within half a phase). */
export function matchBoundaries(
  expected: ExpectedBoundary[],
  observed: Observation[],
  startedAt: number,
  windowMs: number,
): { errors: BoundaryError[]; missing: number } {
  const errors: BoundaryError[] = [];
  let missing = 0;
  for (const boundary of expected) {
    const target = startedAt + boundary.atMs;
    const nearest = observed.reduce<Observation | null>(
      (best, candidate) =>
        Math.abs(candidate.at - target) < windowMs &&
        (best === null || Math.abs(candidate.at - target) < Math.abs(best.at - target))
          ? candidate
          : best,
      null,
    );
    if (nearest === null) missing += 1;
    else
      errors.push({
        breath: boundary.breath,
        expectedMs: boundary.atMs,
        errorMs: nearest.at - target,
      });
  }
  return { errors, missing };
}

export function summarise(errors: BoundaryError[], missing: number): PacerSummary {
  const abs = errors.map((error) => Math.abs(error.errorMs)).sort((a, b) => a - b);
  const mid = Math.floor(abs.length / 2);
  const median =
    abs.length === 0 ? NaN : abs.length % 2 ? abs[mid]! : (abs[mid - 1]! + abs[mid]!) / 2;
  const tail = Math.max(1, Math.min(5, Math.floor(errors.length / 3)));
  const mean = (values: BoundaryError[]) =>
    values.reduce((sum, value) => sum + Math.abs(value.errorMs), 0) / Math.max(1, values.length);
  return {
    count: errors.length,
    medianAbsMs: median,
    maxAbsMs: abs.at(-1) ?? NaN,
    meanFirstMs: mean(errors.slice(0, tail)),
    meanLastMs: mean(errors.slice(-tail)),
    slopeMsPerBreath: slope(errors.map((error) => [error.breath, error.errorMs])),
    missing,
  };
}

/** Least-squares slope: how much the error grows per breath (0 when there is no drift). */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const num = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const den = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
