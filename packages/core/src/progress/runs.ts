/**
 * Tracks runs of consecutive integers (days, weeks) as they are added in any order, in
 * O(1) per addition: each run's length is kept at its two ends, which are the only
 * places a new neighbour can touch.
 */
export interface RunTracker {
  /** Adds `n`; the length of the run that now holds it, or null when `n` was already in. */
  add(n: number): number | null;
}

export function createRunTracker(): RunTracker {
  const lengthAtEnds = new Map<number, number>();
  return {
    add(n) {
      if (lengthAtEnds.has(n)) return null;
      const left = lengthAtEnds.get(n - 1) ?? 0;
      const right = lengthAtEnds.get(n + 1) ?? 0;
      const length = left + 1 + right;
      lengthAtEnds.set(n, length);
      lengthAtEnds.set(n - left, length);
      lengthAtEnds.set(n + right, length);
      return length;
    },
  };
}
