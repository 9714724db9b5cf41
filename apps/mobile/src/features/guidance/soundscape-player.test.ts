import { createAudioPlayer, setAudioModeAsync } from 'expo-audio';

import { FADE_MS } from './soundscape-mixer';
import { createSoundscapePlayer } from './soundscape-player';
import { SOUNDSCAPE_ASSETS } from './soundscapes';

// expo-audio is replaced by the fake in jest.setup.ts (it is a native module); these tests
// check what the mixer asks of it: which file, looping, the volume over time, play/pause.
type FakePlayer = {
  source: unknown;
  volume: number;
  loop: boolean;
  playing: boolean;
  play: jest.Mock;
  pause: jest.Mock;
  remove: jest.Mock;
  setActiveForLockScreen: jest.Mock;
};

const created = () => jest.mocked(createAudioPlayer).mock.results.map((r) => r.value as FakePlayer);

beforeEach(() => {
  jest.useFakeTimers();
  jest.mocked(createAudioPlayer).mockClear();
});
afterEach(() => {
  jest.useRealTimers();
});

async function flushPromises() {
  await Promise.resolve();
  await Promise.resolve();
}

/** The player's volume every `step` ms over `ms`. */
function volumesOver(player: FakePlayer, ms: number, step = 250): number[] {
  const seen: number[] = [];
  for (let t = 0; t < ms; t += step) {
    jest.advanceTimersByTime(step);
    seen.push(player.volume);
  }
  return seen;
}

function isRamp(values: number[], direction: 1 | -1) {
  return values.every((v, i) => i === 0 || (v - values[i - 1]!) * direction > 0);
}

describe('the native soundscape player', () => {
  it('loads nothing for silence', () => {
    const mixer = createSoundscapePlayer();
    mixer.update({ kind: 'silence', volume: 0.5, playing: true });
    expect(createAudioPlayer).not.toHaveBeenCalled();
  });

  it('loops the bundled WAV, in silent mode and in the background, fading in over 1.5 s', async () => {
    const mixer = createSoundscapePlayer();
    mixer.update({ kind: 'ocean', volume: 0.5, playing: true });
    const [player] = created();
    expect(player!.source).toBe(SOUNDSCAPE_ASSETS.ocean);
    expect(player!.loop).toBe(true);
    expect(player!.volume).toBe(0);

    await flushPromises();
    expect(setAudioModeAsync).toHaveBeenCalledWith(
      expect.objectContaining({ playsInSilentMode: true, shouldPlayInBackground: true }),
    );
    expect(player!.play).toHaveBeenCalled();
    expect(player!.setActiveForLockScreen).toHaveBeenCalledWith(
      true,
      expect.objectContaining({ title: 'Ocean' }),
      expect.objectContaining({ isLiveStream: true }),
    );

    const fadeIn = volumesOver(player!, FADE_MS);
    expect(isRamp(fadeIn, 1)).toBe(true);
    expect(fadeIn.length).toBeGreaterThanOrEqual(6); // a ramp, not a jump
    expect(fadeIn.at(-1)).toBeCloseTo(0.5);
    expect(fadeIn[0]).toBeLessThan(0.15);
  });

  it('fades out before pausing, and does not pause if resumed mid-fade', async () => {
    const mixer = createSoundscapePlayer();
    mixer.update({ kind: 'rain', volume: 0.8, playing: true });
    const [player] = created();
    await flushPromises();
    jest.advanceTimersByTime(FADE_MS);

    mixer.update({ kind: 'rain', volume: 0.8, playing: false });
    const fadeOut = volumesOver(player!, FADE_MS - 250);
    expect(isRamp(fadeOut, -1)).toBe(true);
    expect(player!.pause).not.toHaveBeenCalled();
    jest.advanceTimersByTime(250);
    expect(player!.volume).toBeCloseTo(0);
    expect(player!.pause).toHaveBeenCalledTimes(1);

    mixer.update({ kind: 'rain', volume: 0.8, playing: true });
    await flushPromises();
    jest.advanceTimersByTime(500);
    mixer.update({ kind: 'rain', volume: 0.8, playing: false });
    jest.advanceTimersByTime(300);
    mixer.update({ kind: 'rain', volume: 0.8, playing: true }); // back before the fade ended
    await flushPromises();
    jest.advanceTimersByTime(FADE_MS * 2);
    expect(player!.pause).toHaveBeenCalledTimes(1);
    expect(player!.volume).toBeCloseTo(0.8);
  });

  it('follows the volume quickly but smoothly while playing', async () => {
    const mixer = createSoundscapePlayer();
    mixer.update({ kind: 'drone', volume: 0.5, playing: true });
    const [player] = created();
    await flushPromises();
    jest.advanceTimersByTime(FADE_MS);
    mixer.update({ kind: 'drone', volume: 0.2, playing: true });
    jest.advanceTimersByTime(80);
    expect(player!.volume).toBeLessThan(0.5);
    expect(player!.volume).toBeGreaterThan(0.2);
    jest.advanceTimersByTime(200);
    expect(player!.volume).toBeCloseTo(0.2);
  });

  it('crossfades to another soundscape and frees the old player once it is silent', async () => {
    const mixer = createSoundscapePlayer();
    mixer.update({ kind: 'ocean', volume: 0.5, playing: true });
    await flushPromises();
    jest.advanceTimersByTime(FADE_MS);
    mixer.update({ kind: 'rain', volume: 0.5, playing: true });
    await flushPromises();
    const [ocean, rain] = created();
    expect(rain!.source).toBe(SOUNDSCAPE_ASSETS.rain);

    jest.advanceTimersByTime(FADE_MS / 2);
    expect(ocean!.volume).toBeLessThan(0.5);
    expect(rain!.volume).toBeGreaterThan(0);
    expect(ocean!.remove).not.toHaveBeenCalled();
    jest.advanceTimersByTime(FADE_MS / 2);
    expect(ocean!.remove).toHaveBeenCalled();
    expect(rain!.volume).toBeCloseTo(0.5);
    expect(rain!.remove).not.toHaveBeenCalled();
  });

  it('fades out when released, then frees the player and ignores later updates', async () => {
    const mixer = createSoundscapePlayer();
    mixer.update({ kind: 'ocean', volume: 0.5, playing: true });
    const [player] = created();
    await flushPromises();
    jest.advanceTimersByTime(FADE_MS);
    mixer.release();
    jest.advanceTimersByTime(FADE_MS / 2);
    expect(player!.remove).not.toHaveBeenCalled();
    expect(player!.volume).toBeGreaterThan(0);
    jest.advanceTimersByTime(FADE_MS / 2);
    expect(player!.remove).toHaveBeenCalled();
    mixer.update({ kind: 'rain', volume: 0.5, playing: true });
    expect(createAudioPlayer).toHaveBeenCalledTimes(1);
  });
});
