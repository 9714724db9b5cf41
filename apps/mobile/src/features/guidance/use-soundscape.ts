import { useEffect, useRef } from 'react';

import type { SoundscapeMixer, SoundscapeTarget } from './soundscape-mixer';
import { createSoundscapePlayer } from './soundscape-player';

/**
 * Plays a soundscape while `playing`: fades in, fades out on pause or end, crossfades on a
 * change of kind, follows the volume. The player is created in an effect, never during
 * render (static web rendering has no audio), and fades out on its own after unmount.
 */
export function useSoundscape({ kind, volume, playing }: SoundscapeTarget): void {
  const mixer = useRef<SoundscapeMixer | null>(null);

  useEffect(() => {
    const created = createSoundscapePlayer();
    mixer.current = created;
    return () => {
      created.release();
      mixer.current = null;
    };
  }, []);

  useEffect(() => {
    mixer.current?.update({ kind, volume, playing });
  }, [kind, volume, playing]);
}
