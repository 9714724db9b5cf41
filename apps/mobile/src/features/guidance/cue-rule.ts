import type { PhaseKind } from '@exhale/core';

import { phaseLabel } from '@/features/session/breath-motion';

/** Breaths that get a spoken cue at every phase while the rhythm is being learned. */
export const LEARNING_BREATHS = 3;
/** After that, every this-many-th breath is cued, as a gentle reminder of the pace. */
export const REMINDER_EVERY = 3;

export interface PhaseChange {
  breath: number;
  phase: PhaseKind;
  /** True for the first phase of a breath (its inhale). */
  breathStart: boolean;
  /** The check-in planned for this breath, if any. */
  checkIn: string | null;
}

export type Cue = { kind: 'phase'; text: string } | { kind: 'checkIn'; text: string };

/**
 * Whether the voice cues the phases of this breath. A beginner hears every phase of the
 * first three breaths, while they learn the rhythm; after that the circle and the
 * person's own rhythm lead, and the voice comes back on every third breath (6, 9, 12 …)
 * so nobody drifts off the pace. Cueing every phase for three minutes would nag.
 */
export function cuesPhasesOf(breath: number): boolean {
  return breath <= LEARNING_BREATHS || breath % REMINDER_EVERY === 0;
}

/**
 * What to say at a phase change, if anything. A check-in is always spoken, as its
 * breath begins, in place of that inhale's "Breathe in" (the label still shows it): two
 * utterances at once would talk over each other.
 */
export function cueFor(change: PhaseChange): Cue | null {
  if (change.breathStart && change.checkIn !== null) {
    return { kind: 'checkIn', text: change.checkIn };
  }
  if (!cuesPhasesOf(change.breath)) return null;
  return { kind: 'phase', text: phaseLabel(change.phase) };
}
