import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  createRandom,
  crossfadeTail,
  decodeWav,
  encodeWav,
  gainToDb,
  peak,
  rms,
  SAMPLE_RATE,
  SOUNDSCAPE_RECIPES,
  soundscapeWav,
  SYNTH_KINDS,
  synthesize,
  toPcm16,
  type SynthKind,
} from './soundscape-synth';

const SOUNDS_DIR = join(__dirname, '..', '..', '..', 'assets', 'sounds');

function committed(kind: SynthKind): Uint8Array {
  return new Uint8Array(readFileSync(join(SOUNDS_DIR, `${kind}.wav`)));
}

function toFloats(samples: Int16Array): Float64Array {
  return Float64Array.from(samples, (value) => value / 32_767);
}

/** Sorted |x[i+1] − x[i]| over the loop, seam excluded. */
function sortedSteps(samples: Float64Array): Float64Array {
  const steps = new Float64Array(samples.length - 1);
  for (let i = 0; i < steps.length; i++) steps[i] = Math.abs(samples[i + 1]! - samples[i]!);
  return steps.sort();
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** RMS of the first difference in a window: how much high-frequency "click" energy it has. */
function clickiness(samples: Float64Array, from: number, length: number): number {
  const n = samples.length;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const a = samples[(from + i) % n]!;
    const b = samples[(from + i + 1) % n]!;
    sum += (b - a) ** 2;
  }
  return Math.sqrt(sum / length);
}

describe('createRandom', () => {
  it('repeats its sequence for a seed, differs across seeds, and stays in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 1_000 }, () => a());
    expect(Array.from({ length: 1_000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1_000 }, () => c())).not.toEqual(first);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...first)).toBeLessThan(1);
    const mean = first.reduce((sum, x) => sum + x, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('crossfadeTail', () => {
  it('starts the loop with the sample that followed its end in the longer signal', () => {
    const long = Float64Array.from({ length: 14 }, (_, i) => i);
    const loop = crossfadeTail(long, 10);
    expect(loop).toHaveLength(10);
    expect(loop[0]).toBe(long[10]); // the tail fully in, the head fully out
    expect(loop[9]).toBe(long[9]);
    expect(loop[4]).toBe(long[4]); // past the fade, untouched
  });

  it('refuses a tail as long as the loop', () => {
    expect(() => crossfadeTail(new Float64Array(20), 10)).toThrow(RangeError);
  });
});

describe('encodeWav / decodeWav', () => {
  it('writes a canonical 16-bit mono PCM header that reads back to the same samples', () => {
    const pcm = Int16Array.from([0, 1, -1, 32_767, -32_768, 1234]);
    const bytes = encodeWav(pcm, 22_050);
    expect(bytes).toHaveLength(44 + 12);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('RIFF');
    expect(String.fromCharCode(...bytes.subarray(8, 16))).toBe('WAVEfmt ');
    expect(String.fromCharCode(...bytes.subarray(36, 40))).toBe('data');
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(4, true)).toBe(36 + 12);
    expect(view.getUint32(28, true)).toBe(44_100); // byte rate
    expect(view.getUint16(32, true)).toBe(2); // block align
    expect(decodeWav(bytes)).toEqual({
      format: 1,
      channels: 1,
      sampleRate: 22_050,
      bitsPerSample: 16,
      samples: pcm,
    });
  });

  it('clamps and rounds floats to 16 bits', () => {
    expect(Array.from(toPcm16([0, 0.25, -0.25, 1.2, -1.2]))).toEqual([
      0, 8_192, -8_192, 32_767, -32_768,
    ]);
  });
});

describe.each(SYNTH_KINDS)('the %s loop', (kind) => {
  const recipe = SOUNDSCAPE_RECIPES[kind];
  const wav = decodeWav(committed(kind));
  const samples = toFloats(wav.samples);

  it('is the committed file, byte for byte (the generator is seeded)', () => {
    expect(Buffer.from(soundscapeWav(kind)).equals(Buffer.from(committed(kind)))).toBe(true);
  });

  it('is mono 16-bit PCM at 22,050 Hz, 12–20 s long', () => {
    expect(wav).toMatchObject({ format: 1, channels: 1, sampleRate: 22_050, bitsPerSample: 16 });
    expect(wav.samples.length).toBe(recipe.seconds * SAMPLE_RATE);
    expect(recipe.seconds).toBeGreaterThanOrEqual(12);
    expect(recipe.seconds).toBeLessThanOrEqual(20);
  });

  it('peaks below −1 dBFS and sits at a comfortable background level', () => {
    expect(gainToDb(peak(samples))).toBeLessThan(-1);
    const level = gainToDb(rms(samples));
    expect(level).toBeGreaterThan(-30);
    expect(level).toBeLessThan(-16);
  });

  it('loops without a gap: the seam steps like the rest of the sound, no silence at either end', () => {
    const n = samples.length;
    const seam = Math.abs(samples[0]! - samples[n - 1]!);
    expect(seam).toBeLessThanOrEqual(quantile(sortedSteps(samples), 0.99));

    const window = Math.round(0.1 * SAMPLE_RATE);
    const overall = rms(samples);
    expect(rms(samples.subarray(0, window))).toBeGreaterThan(overall / 10); // within 20 dB
    expect(rms(samples.subarray(n - window))).toBeGreaterThan(overall / 10);

    // No click: the 10 ms across the seam has no more high-frequency energy than the
    // loudest ordinary 10 ms elsewhere in the loop.
    const clickWindow = Math.round(0.01 * SAMPLE_RATE);
    const acrossSeam = clickiness(samples, n - Math.floor(clickWindow / 2), clickWindow);
    let loudest = 0;
    for (let from = clickWindow; from + clickWindow < n - clickWindow; from += clickWindow) {
      loudest = Math.max(loudest, clickiness(samples, from, clickWindow));
    }
    expect(acrossSeam).toBeLessThanOrEqual(loudest);
  });

  it('changes with the seed (it is synthesised, not a constant)', () => {
    const other = toPcm16(synthesize(kind, { ...recipe, seed: recipe.seed + 1 }));
    expect(Array.from(other.subarray(1_000, 1_010))).not.toEqual(
      Array.from(wav.samples.subarray(1_000, 1_010)),
    );
  });
});

it('keeps the three loops under 2.5 MB together', () => {
  const total = SYNTH_KINDS.reduce((sum, kind) => sum + committed(kind).length, 0);
  expect(total).toBeLessThan(2_500_000);
});
