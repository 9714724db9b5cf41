import {
  createSoundscapeMixer,
  type SoundscapeChannel,
  type SoundscapeMixer,
} from './soundscape-mixer';
import type { SynthKind } from './soundscape-synth';
import { SOUNDSCAPE_ASSETS } from './soundscapes';

type AudioContextClass = typeof AudioContext;

// undefined: not tried yet; null: this browser has no Web Audio (or refused it).
let shared: AudioContext | null | undefined;
const buffers = new Map<SynthKind, Promise<AudioBuffer>>();

function audioContext(): AudioContext | null {
  if (shared !== undefined) return shared;
  const Context = (globalThis as { AudioContext?: AudioContextClass }).AudioContext;
  try {
    shared = Context === undefined ? null : new Context({ latencyHint: 'playback' });
  } catch (error) {
    console.warn('Web Audio is unavailable', error);
    shared = null;
  }
  return shared;
}

const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;

/**
 * The Start tap has normally let the page play sound already. If the browser still holds
 * the context suspended (the session was opened by URL, or a stricter autoplay policy),
 * it is resumed at the next tap or key press, without a word to the person.
 */
let waitingForGesture = false;

function resumeWhenAllowed(context: AudioContext) {
  if (context.state !== 'suspended') return;
  context.resume().catch(() => {});
  if (waitingForGesture || typeof window?.addEventListener !== 'function') return;
  waitingForGesture = true;
  const onGesture = () => {
    context.resume().then(
      () => {
        waitingForGesture = false;
        GESTURES.forEach((name) => window.removeEventListener(name, onGesture, true));
      },
      () => {},
    );
  };
  GESTURES.forEach((name) => window.addEventListener(name, onGesture, true));
}

function loadBuffer(context: AudioContext, kind: SynthKind): Promise<AudioBuffer> {
  let buffer = buffers.get(kind);
  if (buffer === undefined) {
    // On the web an imported asset is its URL (expo-asset is not needed to resolve it).
    const uri = String(SOUNDSCAPE_ASSETS[kind]);
    buffer = fetch(uri)
      .then((response) => {
        if (!response.ok) throw new Error(`${uri}: HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((data) => context.decodeAudioData(data));
    buffer.catch(() => buffers.delete(kind)); // let a later attempt fetch again
    buffers.set(kind, buffer);
  }
  return buffer;
}

/** Without Web Audio the session runs silent; fades still report when they would end. */
function silentChannel(): SoundscapeChannel {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    play() {},
    pause() {},
    ramp(_to, ms, done) {
      clearTimeout(timer);
      if (done === undefined) return;
      if (ms <= 0) done();
      else timer = setTimeout(done, ms);
    },
    release() {
      clearTimeout(timer);
    },
  };
}

/**
 * Web: an <audio loop> element leaves a gap at every turn of the loop, so the decoded
 * WAV loops in an AudioBufferSourceNode (sample-exact, gapless) through a GainNode whose
 * fades run on the audio thread.
 */
export function openWebChannel(kind: SynthKind): SoundscapeChannel {
  const available = audioContext();
  if (available === null) return silentChannel();
  const context: AudioContext = available;

  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  let buffer: AudioBuffer | null = null;
  let source: AudioBufferSourceNode | null = null;
  let startedAt = 0;
  let offset = 0;
  let wanted = false;
  let released = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function startSource() {
    if (source !== null || buffer === null || released) return;
    try {
      resumeWhenAllowed(context);
      const next = context.createBufferSource();
      next.buffer = buffer;
      next.loop = true;
      next.connect(gain);
      next.start(0, offset);
      source = next;
      startedAt = context.currentTime - offset;
    } catch (error) {
      console.warn('Could not start the soundscape', error);
    }
  }

  function stopSource() {
    if (source === null || buffer === null) return;
    // Resume where it stopped, so a pause does not restart the waves.
    offset = (context.currentTime - startedAt) % buffer.duration;
    source.stop();
    source.disconnect();
    source = null;
  }

  loadBuffer(context, kind).then(
    (decoded) => {
      buffer = decoded;
      if (wanted) startSource();
    },
    (error: unknown) => console.warn('Could not load the soundscape', error),
  );

  return {
    play() {
      wanted = true;
      startSource();
    },
    pause() {
      wanted = false;
      stopSource();
    },
    ramp(to, ms, done) {
      clearTimeout(timer);
      const param = gain.gain;
      const now = context.currentTime;
      param.cancelScheduledValues(now);
      if (ms <= 0) {
        param.setValueAtTime(to, now);
        done?.();
        return;
      }
      param.setValueAtTime(param.value, now);
      param.linearRampToValueAtTime(to, now + ms / 1_000);
      if (done !== undefined) timer = setTimeout(done, ms);
    },
    release() {
      released = true;
      wanted = false;
      clearTimeout(timer);
      stopSource();
      gain.disconnect();
    },
  };
}

export function createSoundscapePlayer(): SoundscapeMixer {
  return createSoundscapeMixer(openWebChannel);
}
