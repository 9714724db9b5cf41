import { normalise } from './text';

/**
 * One way of saying an answer. A weak rule ("yes", "tired") only counts when no strong
 * rule matches, so "yes, every day" is a regular practice, not merely "some".
 */
export interface KeywordRule<T> {
  value: T;
  pattern: RegExp;
  weak?: boolean;
}

interface Hit<T> {
  value: T;
  index: number;
  length: number;
  weak: boolean;
}

function beats<T>(hit: Hit<T>, best: Hit<T> | null): boolean {
  if (best === null) return true;
  if (hit.weak !== best.weak) return !hit.weak;
  if (hit.index !== best.index) return hit.index < best.index;
  return hit.length > best.length;
}

/** The answer the text gives, preferring strong rules, then the earliest and longest match. */
export function classify<T>(text: string, rules: readonly KeywordRule<T>[]): T | null {
  const flat = normalise(text);
  let best: Hit<T> | null = null;
  for (const rule of rules) {
    const match = rule.pattern.exec(flat);
    if (match === null) continue;
    const hit = {
      value: rule.value,
      index: match.index,
      length: match[0].length,
      weak: rule.weak === true,
    };
    if (beats(hit, best)) best = hit;
  }
  return best?.value ?? null;
}

export function rules<T>(value: T, patterns: readonly RegExp[], weak = false): KeywordRule<T>[] {
  return patterns.map((pattern) => ({ value, pattern, weak }));
}
