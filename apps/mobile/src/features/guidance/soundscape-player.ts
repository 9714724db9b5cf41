import { createAudioPlayer, setAudioModeAsync, type AudioPlayer } from 'expo-audio';

import {
  createSoundscapeMixer,
  type SoundscapeChannel,
  type SoundscapeMixer,
} from './soundscape-mixer';
import type { SynthKind } from './soundscape-synth';
import { SOUNDSCAPE_ASSETS, SOUNDSCAPE_LABELS } from './soundscapes';

/** How often a fade moves the player's volume: small steps, no audible staircase. */
export const RAMP_STEP_MS = 40;

let audioMode: Promise<void> | null = null;

/**
 * Once per app run, before the first soundscape plays: keep playing with the ringer
 * switch on silent and when the screen locks. Lock-screen playback needs exclusive focus
 * ('doNotMix'; Android stops background audio after about 3 minutes otherwise), so a
 * soundscape pauses the person's music, as any player does. "Silence" never gets here.
 */
function configureAudioMode(): Promise<void> {
  audioMode ??= setAudioModeAsync({
    playsInSilentMode: true,
    shouldPlayInBackground: true,
    interruptionMode: 'doNotMix',
  }).catch((error: unknown) => {
    console.warn('Could not set the audio mode', error);
  });
  return audioMode;
}

function attempt(what: string, action: () => void) {
  try {
    action();
  } catch (error) {
    console.warn(`Soundscape: could not ${what}`, error);
  }
}

/** Native: an expo-audio player looping a bundled WAV, its volume ramped from JavaScript. */
export function openNativeChannel(kind: SynthKind): SoundscapeChannel {
  const player: AudioPlayer = createAudioPlayer(SOUNDSCAPE_ASSETS[kind], { updateInterval: 1_000 });
  player.loop = true;
  let level = 0;
  let ramp: ReturnType<typeof setInterval> | null = null;
  let wanted = false;
  let released = false;
  let onLockScreen = false;

  const setLevel = (value: number) => {
    level = value;
    attempt('set the volume', () => (player.volume = value));
  };
  const cancelRamp = () => {
    if (ramp !== null) clearInterval(ramp);
    ramp = null;
  };

  return {
    play() {
      wanted = true;
      // The audio session is set up first, or the first seconds could be muted by the
      // ringer switch.
      void configureAudioMode().then(() => {
        if (!wanted || released) return;
        attempt('play', () => player.play());
        if (onLockScreen) return;
        onLockScreen = true;
        attempt('show the lock-screen controls', () =>
          player.setActiveForLockScreen(
            true,
            { title: SOUNDSCAPE_LABELS[kind], artist: 'Exhale' },
            { isLiveStream: true },
          ),
        );
      });
    },
    pause() {
      wanted = false;
      attempt('pause', () => player.pause());
    },
    ramp(to, ms, done) {
      cancelRamp();
      const from = level;
      const steps = Math.max(1, Math.round(ms / RAMP_STEP_MS));
      if (ms <= 0) {
        setLevel(to);
        done?.();
        return;
      }
      let step = 0;
      ramp = setInterval(() => {
        step++;
        setLevel(from + ((to - from) * step) / steps);
        if (step >= steps) {
          cancelRamp();
          done?.();
        }
      }, ms / steps);
    },
    release() {
      released = true;
      cancelRamp();
      if (onLockScreen) attempt('clear the lock screen', () => player.clearLockScreenControls());
      attempt('release the player', () => player.remove());
    },
  };
}

export function createSoundscapePlayer(): SoundscapeMixer {
  return createSoundscapeMixer(openNativeChannel);
}
