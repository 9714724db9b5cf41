import { createBetterSqliteDriver } from '@/lib/storage/better-sqlite-driver';
import { createStorage } from '@/lib/storage/create-storage';

import {
  DEFAULT_GUIDANCE,
  GUIDANCE_KEYS,
  readGuidanceSettings,
  sanitizeGuidance,
  stepVolume,
} from './guidance-settings';

describe('guidance settings', () => {
  it('default to ocean at half volume, voice and haptics on', () => {
    expect(DEFAULT_GUIDANCE).toMatchObject({
      soundscape: 'ocean',
      volume: 0.5,
      voice: true,
      haptics: true,
    });
  });

  it('fall back per field when a stored value is unusable', () => {
    expect(
      sanitizeGuidance({ soundscape: 'whales', volume: 7, voice: 'yes', voiceRate: NaN }),
    ).toEqual({ ...DEFAULT_GUIDANCE, volume: 1 });
    expect(sanitizeGuidance({ soundscape: 'rain', volume: -1, haptics: false })).toEqual({
      ...DEFAULT_GUIDANCE,
      soundscape: 'rain',
      volume: 0,
      haptics: false,
    });
  });

  it('step the volume on a tenth grid, within 0..1', () => {
    let volume = 0.5;
    for (let i = 0; i < 3; i++) volume = stepVolume(volume, 1);
    expect(volume).toBe(0.8);
    expect(stepVolume(1, 1)).toBe(1);
    expect(stepVolume(0.05, -1)).toBe(0);
    expect(stepVolume(0.1, -1)).toBe(0);
  });

  it('are read from the SQLite settings repository under guidance.* keys', async () => {
    const storage = await createStorage(createBetterSqliteDriver());
    expect(await readGuidanceSettings(storage.settings)).toEqual(DEFAULT_GUIDANCE);
    await storage.settings.set(GUIDANCE_KEYS.soundscape, 'drone');
    await storage.settings.set(GUIDANCE_KEYS.voice, false);
    await storage.settings.set(GUIDANCE_KEYS.voiceRate, 0.75);
    expect(await readGuidanceSettings(storage.settings)).toEqual({
      ...DEFAULT_GUIDANCE,
      soundscape: 'drone',
      voice: false,
      voiceRate: 0.75,
    });
    expect(Object.values(GUIDANCE_KEYS).every((key) => key.startsWith('guidance.'))).toBe(true);
    await storage.close();
  });
});
