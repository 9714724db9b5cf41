/**
 * The soundscapes' DSP: pure functions, no platform APIs, so the generator script
 * (scripts/soundscapes/generate.ts) and the tests run the same code. Everything is seeded
 * and uses only IEEE arithmetic and V8's fdlibm-based Math functions, so a given recipe
 * always produces the same bytes.
 *
 * A loop must flow from its last sample into its first. Two ways are used:
 * - periodic signals (the drone): every frequency completes a whole number of cycles in
 *   the loop, and filters run round the loop until they settle;
 * - noise (ocean, rain): generate the loop plus a few seconds more, then crossfade that
 *   extra tail into the head. The loop's first sample is then the sample that followed
 *   its last one in the longer signal. Slow modulations use whole cycles of the loop.
 */

export const SAMPLE_RATE = 22_050;

export type SynthKind = 'ocean' | 'rain' | 'drone';
export const SYNTH_KINDS: readonly SynthKind[] = ['ocean', 'rain', 'drone'];

export interface SoundscapeRecipe {
  seed: number;
  seconds: number;
  /** Loudness the loop is scaled to, in dBFS RMS (before the app's volume). */
  targetRmsDb: number;
}

export const SOUNDSCAPE_RECIPES: Record<SynthKind, SoundscapeRecipe> = {
  ocean: { seed: 0x0cea1, seconds: 20, targetRmsDb: -21 },
  rain: { seed: 0x7a1d, seconds: 12, targetRmsDb: -23 },
  drone: { seed: 0xd7013, seconds: 16, targetRmsDb: -22 },
};

/** Never louder than this (dBFS): headroom for the players' resampling. */
export const PEAK_CEILING_DB = -3;

const TAU = 2 * Math.PI;
const CROSSFADE_SECONDS = 2;

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. Returns numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}

export function gainToDb(gain: number): number {
  return 20 * Math.log10(gain);
}

/** Coefficient of a one-pole low-pass at `hz`. */
function onePole(hz: number): number {
  return 1 - Math.exp((-TAU * hz) / SAMPLE_RATE);
}

/** A raised cosine with `cycles` whole cycles over `length` samples: 0 at i = 0, 1 halfway. */
function swell(i: number, length: number, cycles: number, phase = 0): number {
  return 0.5 - 0.5 * Math.cos(TAU * ((cycles * i) / length + phase));
}

/**
 * Makes `long` (loop length plus a tail) into a loop of `length` samples: the tail after
 * `length` is faded out over the head while the head fades in. Equal-power weights, since
 * the two ends of the noise are uncorrelated.
 */
export function crossfadeTail(long: Float64Array, length: number): Float64Array {
  const fade = long.length - length;
  if (fade <= 0 || fade >= length) throw new RangeError('The tail must be shorter than the loop');
  const loop = long.slice(0, length);
  for (let i = 0; i < fade; i++) {
    const angle = (Math.PI / 2) * (i / fade);
    loop[i] = long[i]! * Math.sin(angle) + long[length + i]! * Math.cos(angle);
  }
  return loop;
}

/**
 * Ocean: low-passed noise whose loudness and brightness swell together, like waves
 * washing in and drawing back. Swells of 10 s (0.1 Hz) with a slower 20 s variation.
 */
function ocean(recipe: SoundscapeRecipe): Float64Array {
  const random = createRandom(recipe.seed);
  const length = recipe.seconds * SAMPLE_RATE;
  const total = length + CROSSFADE_SECONDS * SAMPLE_RATE;
  const waves = recipe.seconds / 10;
  const long = new Float64Array(total);
  let low1 = 0;
  let low2 = 0;
  let dc = 0;
  for (let i = 0; i < total; i++) {
    const wave = swell(i, length, waves) ** 1.6 * (0.75 + 0.25 * swell(i, length, 1, 0.3));
    const cutoff = onePole(220 + 1_300 * wave);
    const white = random() * 2 - 1;
    low1 += cutoff * (white - low1);
    low2 += cutoff * (low1 - low2);
    dc += onePole(25) * (low2 - dc);
    long[i] = (low2 - dc) * (0.3 + 0.7 * wave);
  }
  return crossfadeTail(long, length);
}

/**
 * Rain: a bed of soft, high-passed hiss with a gentle low rumble, plus sparse droplets —
 * short, decaying chirps at random times and pitches. Droplets are written round the
 * loop (an index past the end wraps to the start), so they never break the seam.
 */
function rain(recipe: SoundscapeRecipe): Float64Array {
  const random = createRandom(recipe.seed);
  const length = recipe.seconds * SAMPLE_RATE;
  const total = length + CROSSFADE_SECONDS * SAMPLE_RATE;
  const long = new Float64Array(total);
  let hiss1 = 0;
  let hiss2 = 0;
  let hissBass = 0;
  let rumble1 = 0;
  let rumble2 = 0;
  for (let i = 0; i < total; i++) {
    const white = random() * 2 - 1;
    hiss1 += onePole(3_200) * (white - hiss1);
    hiss2 += onePole(3_200) * (hiss1 - hiss2);
    hissBass += onePole(700) * (hiss2 - hissBass);
    rumble1 += onePole(160) * (white - rumble1);
    rumble2 += onePole(160) * (rumble1 - rumble2);
    const patter = 0.85 + 0.15 * swell(i, length, 3, 0.1);
    long[i] = (hiss2 - hissBass) * patter + rumble2 * 1.6;
  }
  const loop = crossfadeTail(long, length);

  const drops = Math.round(recipe.seconds * 7);
  for (let d = 0; d < drops; d++) {
    const start = Math.floor(random() * length);
    const hz = 1_400 + random() * 2_600;
    const decay = 0.004 + random() * 0.014;
    const amplitude = 0.25 + 0.95 * random() ** 2;
    const span = Math.ceil(decay * 6 * SAMPLE_RATE);
    for (let j = 0; j < span; j++) {
      const t = j / SAMPLE_RATE;
      // The pitch falls a little as the drop rings, as a real one does.
      const phase = TAU * hz * (t - 2 * t * t);
      const attack = Math.min(1, j / 12);
      const index = (start + j) % length;
      loop[index] = loop[index]! + amplitude * attack * Math.exp(-t / decay) * Math.sin(phase);
    }
  }
  return loop;
}

/**
 * Soft drone: A, E, A an octave up, E and A above, each as a pair of sines a fraction of a hertz apart
 * so they beat slowly, with a touch of second harmonic, low-passed. Every frequency is a
 * whole number of cycles per loop (a multiple of 1 / seconds), so the loop is periodic.
 */
function drone(recipe: SoundscapeRecipe): Float64Array {
  const random = createRandom(recipe.seed);
  const length = recipe.seconds * SAMPLE_RATE;
  const step = 1 / recipe.seconds;
  // [cycles per loop of the first sine, detune in cycles per loop, level]
  const voices: [number, number, number][] = [
    [110 * recipe.seconds, 4, 0.8],
    [165 * recipe.seconds, -2, 0.6],
    [220 * recipe.seconds, 3, 0.5],
    [330 * recipe.seconds, -1, 0.24],
    [440 * recipe.seconds, 2, 0.1],
  ];
  const partials = voices.flatMap(([cycles, detune, level], v) => [
    { hz: cycles * step, level, phase: random(), breath: v },
    { hz: (cycles + detune) * step, level: level * 0.9, phase: random(), breath: v },
    { hz: 2 * (cycles + detune) * step, level: level * 0.08, phase: random(), breath: v },
  ]);
  const raw = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const partial of partials) {
      // Each voice swells once per loop, offset from the others, so the chord breathes.
      const breathe = 0.7 + 0.3 * swell(i, length, 1, partial.breath / voices.length);
      sum +=
        partial.level * breathe * Math.sin(TAU * (partial.hz * (i / SAMPLE_RATE) + partial.phase));
    }
    raw[i] = sum;
  }
  return lowPassRound(raw, 900);
}

/** Two-pole low-pass run twice round a periodic signal, so the filter has settled and the
 * output is periodic too. */
export function lowPassRound(signal: Float64Array, hz: number): Float64Array {
  const a = onePole(hz);
  const out = new Float64Array(signal.length);
  let y1 = 0;
  let y2 = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < signal.length; i++) {
      y1 += a * (signal[i]! - y1);
      y2 += a * (y1 - y2);
      if (pass === 1) out[i] = y2;
    }
  }
  return out;
}

export function rms(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / samples.length);
}

export function peak(samples: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < samples.length; i++) max = Math.max(max, Math.abs(samples[i]!));
  return max;
}

/** Scales to the target RMS, then down further if the peak would pass the ceiling. */
export function normalize(samples: Float64Array, targetRmsDb: number): Float64Array {
  const level = rms(samples);
  if (level === 0) return samples;
  let gain = dbToGain(targetRmsDb) / level;
  const ceiling = dbToGain(PEAK_CEILING_DB);
  if (peak(samples) * gain > ceiling) gain = ceiling / peak(samples);
  return samples.map((x) => x * gain);
}

const GENERATORS: Record<SynthKind, (recipe: SoundscapeRecipe) => Float64Array> = {
  ocean,
  rain,
  drone,
};

/** The loop as floats in [-1, 1], at SAMPLE_RATE. */
export function synthesize(kind: SynthKind, recipe = SOUNDSCAPE_RECIPES[kind]): Float64Array {
  return normalize(GENERATORS[kind](recipe), recipe.targetRmsDb);
}

/** Rounds to 16-bit integers (clamped; the ceiling keeps real signals well inside). */
export function toPcm16(samples: ArrayLike<number>): Int16Array {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    pcm[i] = Math.max(-32_768, Math.min(32_767, Math.round(samples[i]! * 32_767)));
  }
  return pcm;
}

export const WAV_HEADER_BYTES = 44;

/** A canonical 44-byte-header RIFF/WAVE file: PCM, mono, 16-bit, little-endian. */
export function encodeWav(pcm: Int16Array, sampleRate = SAMPLE_RATE): Uint8Array {
  const dataBytes = pcm.length * 2;
  const bytes = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.length; i++) view.setInt16(WAV_HEADER_BYTES + i * 2, pcm[i]!, true);
  return bytes;
}

export interface DecodedWav {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  samples: Int16Array;
}

/** Reads back what encodeWav writes (the canonical layout only). */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number, length: number) =>
    String.fromCharCode(...bytes.subarray(offset, offset + length));
  if (ascii(0, 4) !== 'RIFF' || ascii(8, 4) !== 'WAVE' || ascii(12, 4) !== 'fmt ') {
    throw new Error('Not a canonical RIFF/WAVE file');
  }
  if (ascii(36, 4) !== 'data') throw new Error('Expected the data chunk right after fmt');
  if (view.getUint32(4, true) !== bytes.length - 8) throw new Error('RIFF size mismatch');
  const dataBytes = view.getUint32(40, true);
  if (dataBytes !== bytes.length - WAV_HEADER_BYTES) throw new Error('data size mismatch');
  const samples = new Int16Array(dataBytes / 2);
  for (let i = 0; i < samples.length; i++) {
    samples[i] = view.getInt16(WAV_HEADER_BYTES + i * 2, true);
  }
  return {
    format: view.getUint16(20, true),
    channels: view.getUint16(22, true),
    sampleRate: view.getUint32(24, true),
    bitsPerSample: view.getUint16(34, true),
    samples,
  };
}

/** The committed file's bytes for a kind. */
export function soundscapeWav(kind: SynthKind): Uint8Array {
  return encodeWav(toPcm16(synthesize(kind)));
}
