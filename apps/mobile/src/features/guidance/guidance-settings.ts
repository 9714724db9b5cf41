import type { SettingsRepository } from '@/lib/storage';

import { SOUNDSCAPE_KINDS, type SoundscapeKind } from './soundscapes';

export interface GuidanceSettings {
  soundscape: SoundscapeKind;
  /** The soundscape's level, 0..1. */
  volume: number;
  /** Spoken cues and check-ins. */
  voice: boolean;
  /** Text-to-speech rate; 1 is the engine's normal pace. */
  voiceRate: number;
  /** A light tick at each phase change. */
  haptics: boolean;
}

/** A beginner hears and feels the guidance without setting anything up. */
export const DEFAULT_GUIDANCE: GuidanceSettings = {
  soundscape: 'ocean',
  volume: 0.5,
  voice: true,
  voiceRate: 0.9,
  haptics: true,
};

export const GUIDANCE_KEYS: Record<keyof GuidanceSettings, string> = {
  soundscape: 'guidance.soundscape',
  volume: 'guidance.volume',
  voice: 'guidance.voice',
  voiceRate: 'guidance.voiceRate',
  haptics: 'guidance.haptics',
};

/** The volume stepper moves in tenths. */
export const VOLUME_STEPS = 10;

export const VOICE_RATES = [
  { rate: 0.75, label: 'Slow' },
  { rate: 0.9, label: 'Relaxed' },
  { rate: 1, label: 'Normal' },
] as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** One step up or down, on the stepper's grid, so steps never drift (0.6000000000000001). */
export function stepVolume(volume: number, direction: 1 | -1): number {
  return clamp((Math.round(volume * VOLUME_STEPS) + direction) / VOLUME_STEPS, 0, 1);
}

/**
 * Whatever is stored is read defensively: a value from an older or newer app version, or
 * a hand-edited import, falls back to the default instead of breaking the session.
 */
export function sanitizeGuidance(stored: Partial<Record<keyof GuidanceSettings, unknown>>) {
  const { soundscape, volume, voice, voiceRate, haptics } = stored;
  return {
    soundscape: SOUNDSCAPE_KINDS.find((kind) => kind === soundscape) ?? DEFAULT_GUIDANCE.soundscape,
    volume:
      typeof volume === 'number' && Number.isFinite(volume)
        ? clamp(volume, 0, 1)
        : DEFAULT_GUIDANCE.volume,
    voice: typeof voice === 'boolean' ? voice : DEFAULT_GUIDANCE.voice,
    voiceRate:
      typeof voiceRate === 'number' && Number.isFinite(voiceRate)
        ? clamp(voiceRate, 0.5, 1.5)
        : DEFAULT_GUIDANCE.voiceRate,
    haptics: typeof haptics === 'boolean' ? haptics : DEFAULT_GUIDANCE.haptics,
  } satisfies GuidanceSettings;
}

export async function readGuidanceSettings(
  settings: SettingsRepository,
): Promise<GuidanceSettings> {
  const names = Object.keys(GUIDANCE_KEYS) as (keyof GuidanceSettings)[];
  const values = await Promise.all(
    names.map((name) => settings.get<unknown>(GUIDANCE_KEYS[name], undefined)),
  );
  return sanitizeGuidance(Object.fromEntries(names.map((name, i) => [name, values[i]])));
}
