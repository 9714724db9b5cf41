import drone from '../../../assets/sounds/drone.wav';
import ocean from '../../../assets/sounds/ocean.wav';
import rain from '../../../assets/sounds/rain.wav';

import type { SynthKind } from './soundscape-synth';

export type SoundscapeKind = SynthKind | 'silence';

export const SOUNDSCAPE_KINDS: readonly SoundscapeKind[] = ['ocean', 'rain', 'drone', 'silence'];

export const SOUNDSCAPE_LABELS: Record<SoundscapeKind, string> = {
  ocean: 'Ocean',
  rain: 'Rain',
  drone: 'Soft drone',
  silence: 'Silence',
};

/**
 * The loops made by scripts/soundscapes/generate.ts. Metro turns each into an asset
 * reference; the file itself is fetched only when that soundscape first plays.
 */
export const SOUNDSCAPE_ASSETS: Record<SynthKind, number | string> = { ocean, rain, drone };
