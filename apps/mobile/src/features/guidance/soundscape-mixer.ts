import type { SynthKind } from './soundscape-synth';
import type { SoundscapeKind } from './soundscapes';

/** One loop on one platform's audio API, as the mixer drives it. */
export interface SoundscapeChannel {
  /** Starts or resumes the loop at the current level (autoplay refusals are swallowed). */
  play(): void;
  pause(): void;
  /**
   * Moves the level (0..1) to `to` over `ms`, then calls `done`. A later ramp replaces an
   * unfinished one, whose `done` is then never called.
   */
  ramp(to: number, ms: number, done?: () => void): void;
  /** Frees the player; the channel is not used again. */
  release(): void;
}

export type OpenChannel = (kind: SynthKind) => SoundscapeChannel;

export interface SoundscapeTarget {
  kind: SoundscapeKind;
  volume: number;
  playing: boolean;
}

export interface SoundscapeMixer {
  /** What should be heard now; the mixer fades to it. */
  update(target: SoundscapeTarget): void;
  /** Fades out and frees the player; later updates are ignored. */
  release(): void;
}

/** Long enough to feel like the sound arriving or leaving, not switched. */
export const FADE_MS = 1_500;
/** A volume change while playing: quick, but not a step (a step can click). */
export const VOLUME_MS = 200;

/**
 * Fades the soundscape in when the session runs, out when it pauses or ends, and
 * crossfades when the person picks another one. The player of a soundscape is created
 * the first time it plays, so choosing "Silence" loads nothing at all.
 */
export function createSoundscapeMixer(open: OpenChannel): SoundscapeMixer {
  let active: { kind: SynthKind; channel: SoundscapeChannel } | null = null;
  let target: SoundscapeTarget = { kind: 'silence', volume: 0, playing: false };
  let released = false;

  function retire(channel: SoundscapeChannel) {
    channel.ramp(0, FADE_MS, () => channel.release());
  }

  return {
    update(next) {
      if (released) return;
      const previous = target;
      target = next;

      if (active !== null && active.kind !== next.kind) {
        retire(active.channel);
        active = null;
      }
      if (next.kind === 'silence') return;

      if (active === null) {
        if (!next.playing) return;
        active = { kind: next.kind, channel: open(next.kind) };
        active.channel.ramp(0, 0);
        active.channel.play();
        active.channel.ramp(next.volume, FADE_MS);
        return;
      }

      const { channel } = active;
      if (next.playing && !previous.playing) {
        channel.play();
        channel.ramp(next.volume, FADE_MS);
      } else if (!next.playing && previous.playing) {
        channel.ramp(0, FADE_MS, () => channel.pause());
      } else if (next.playing && next.volume !== previous.volume) {
        channel.ramp(next.volume, VOLUME_MS);
      }
    },
    release() {
      if (released) return;
      released = true;
      if (active !== null) retire(active.channel);
      active = null;
    },
  };
}
