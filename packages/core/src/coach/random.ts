/** A source of numbers in [0, 1), like Math.random; injected so wording can be replayed. */
export type Random = () => number;

/** A non-empty list, so picking from it always yields a value. */
export type Choices<T> = readonly [T, ...T[]];

export function pick<T>(choices: Choices<T>, random: Random): T {
  // Clamped so a source that returns exactly 1 (or a stray negative) still picks an item.
  const index = Math.min(choices.length - 1, Math.max(0, Math.floor(random() * choices.length)));
  return choices[index] ?? choices[0];
}

/** A copy of the items in random order (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * A small deterministic generator (mulberry32): the same seed gives the same wording,
 * which tests and the API's fallback use to make a scripted reply reproducible.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
