import { FIRST_BREATH, type BreathingPattern } from '../breathing/pattern';

/** Patterns the scripted coach can describe in detail; others get general wording. */
const KNOWN_PATTERNS: readonly BreathingPattern[] = [FIRST_BREATH];

export interface Rhythm {
  inhaleSeconds: number;
  exhaleSeconds: number;
  hasHolds: boolean;
  breathsPerMinute: number;
  totalSeconds: number;
}

/** The pace of a known pattern over `totalBreaths`, or undefined for an unknown pattern. */
export function rhythmOf(patternId: string, totalBreaths: number): Rhythm | undefined {
  const pattern = KNOWN_PATTERNS.find((known) => known.id === patternId);
  if (pattern === undefined) return undefined;
  const { inhale, holdIn, exhale, holdOut } = pattern.phases;
  const cycleSeconds = inhale + holdIn + exhale + holdOut;
  return {
    inhaleSeconds: inhale,
    exhaleSeconds: exhale,
    hasHolds: holdIn > 0 || holdOut > 0,
    breathsPerMinute: 60 / cycleSeconds,
    totalSeconds: cycleSeconds * totalBreaths,
  };
}

const SMALL_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** Whole numbers up to twelve in words ("six"), others rounded, in digits. */
export function spellNumber(value: number): string {
  const rounded = Math.round(value);
  return SMALL_NUMBERS[rounded] ?? String(rounded);
}

/** "three minutes", "40 seconds", "about 4 minutes". */
export function describeDuration(totalSeconds: number): string {
  if (totalSeconds < 60) return `${Math.round(totalSeconds)} seconds`;
  const minutes = totalSeconds / 60;
  if (Number.isInteger(minutes)) return `${spellNumber(minutes)} minute${minutes === 1 ? '' : 's'}`;
  return `about ${spellNumber(minutes)} minute${Math.round(minutes) === 1 ? '' : 's'}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
