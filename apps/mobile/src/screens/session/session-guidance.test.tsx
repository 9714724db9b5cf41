import { checkInBreaths } from '@exhale/core/coach';
import { createAudioPlayer } from 'expo-audio';
import * as Haptics from 'expo-haptics';
import * as Speech from 'expo-speech';
import { act, fireEvent, screen } from 'expo-router/testing-library';

import { CHECK_IN_FADE_MS } from '@/features/guidance/check-in-prompt';
import { GUIDANCE_KEYS } from '@/features/guidance/guidance-settings';
import { FADE_MS } from '@/features/guidance/soundscape-mixer';
import { SOUNDSCAPE_ASSETS } from '@/features/guidance/soundscapes';
import { createTestStorage, type TestStorage } from '@/test-utils/test-storage';
import { renderApp } from '@/test-utils/render-app';

// expo-audio, expo-speech and expo-haptics are the fakes from jest.setup.ts (native
// modules cannot run under Jest); everything else is the real screen, hooks and timeline.
const START = new Date('2026-03-02T08:00:00.000Z');
const BREATH_MS = 10_000;

type FakePlayer = { source: unknown; volume: number; pause: jest.Mock; remove: jest.Mock };
const players = () => jest.mocked(createAudioPlayer).mock.results.map((r) => r.value as FakePlayer);
const spoken = () => jest.mocked(Speech.speak).mock.calls.map(([text]) => text);

beforeEach(() => {
  jest.useFakeTimers({ now: START });
  jest.clearAllMocks();
});
afterEach(() => {
  jest.useRealTimers();
});

// In small steps: React renders (and runs the guidance effects) when each act() ends, as
// the app renders each view change; one long act() would only show the last view.
function advance(ms: number) {
  for (let left = ms; left > 0; left -= 100) {
    act(() => {
      jest.advanceTimersByTime(Math.min(100, left));
    });
  }
}

/** Storage opens and the settings and the session's guide are read (a few promise hops). */
async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => {});
}

async function openSession(given?: TestStorage) {
  const storage = given ?? (await createTestStorage());
  renderApp(storage, '/session');
  await settle();
  fireEvent.press(screen.getByTestId('calm-before-skip')); // the clock starts here
  await settle();
  return storage;
}

describe('the guided session', () => {
  it('cues every phase of the first three breaths, then every third, with a tick at each', async () => {
    await openSession();
    expect(spoken()).toEqual(['Breathe in']);
    expect(Speech.speak).toHaveBeenCalledWith('Breathe in', expect.objectContaining({ rate: 0.9 }));
    expect(Haptics.impactAsync).toHaveBeenCalledTimes(1);
    expect(Haptics.impactAsync).toHaveBeenCalledWith(Haptics.ImpactFeedbackStyle.Light);

    advance(5_010);
    expect(spoken()).toEqual(['Breathe in', 'Breathe out']);
    advance(2 * BREATH_MS); // through breath 3
    expect(spoken()).toHaveLength(6);
    expect(Haptics.impactAsync).toHaveBeenCalledTimes(6);

    // Breath 4 is a check-in (see below); breath 5 is quiet but still ticks.
    advance(BREATH_MS + BREATH_MS);
    const afterBreath5 = spoken().length;
    expect(Haptics.impactAsync).toHaveBeenCalledTimes(10);
    advance(BREATH_MS); // breath 6: a reminder
    expect(spoken().slice(afterBreath5)).toEqual(['Breathe in', 'Breathe out']);
  });

  it('shows and speaks each planned check-in at its breath, and only then', async () => {
    await openSession();
    const [first] = checkInBreaths(18);
    expect(first).toBe(4);

    advance(3 * BREATH_MS - 10); // the end of breath 3
    expect(screen.queryByTestId('check-in')).toBeNull();

    advance(20); // breath 4 begins
    const prompt = screen.getByTestId('check-in');
    const text = prompt.props.children.props.children as string;
    expect(text.length).toBeGreaterThan(5);
    expect(spoken().at(-1)).toBe(text); // in place of "Breathe in"
    expect(spoken()).not.toContain(undefined);

    advance(BREATH_MS - 20); // still breath 4
    expect(screen.getByTestId('check-in')).toHaveTextContent(text);
    advance(20 + CHECK_IN_FADE_MS + 100); // breath 5, after the fade
    expect(screen.queryByTestId('check-in')).toBeNull();

    advance(5 * BREATH_MS); // breath 10: the second check-in
    expect(screen.getByTestId('check-in')).toBeOnTheScreen();
  });

  it('speaks nothing and ticks nothing when voice and haptics are off', async () => {
    const storage = await createTestStorage();
    await storage.settings.set(GUIDANCE_KEYS.voice, false);
    await storage.settings.set(GUIDANCE_KEYS.haptics, false);
    await openSession(storage);
    advance(3 * BREATH_MS + 100); // into breath 4
    expect(Speech.speak).not.toHaveBeenCalled();
    expect(Haptics.impactAsync).not.toHaveBeenCalled();
    expect(screen.getByTestId('check-in')).toBeOnTheScreen(); // still shown, just not spoken
  });

  it('plays the stored soundscape; silence loads no player', async () => {
    const storage = await createTestStorage();
    await storage.settings.set(GUIDANCE_KEYS.soundscape, 'silence');
    await openSession(storage);
    advance(BREATH_MS);
    expect(createAudioPlayer).not.toHaveBeenCalled();
  });

  it('pause stops the voice and fades the soundscape out; resume fades it back in', async () => {
    await openSession();
    const [player] = players();
    expect(player!.source).toBe(SOUNDSCAPE_ASSETS.ocean);
    advance(FADE_MS);
    expect(player!.volume).toBeCloseTo(0.5);

    advance(10_000);
    fireEvent.press(screen.getByTestId('pause-button'));
    expect(Speech.stop).toHaveBeenCalled();
    advance(FADE_MS / 2);
    expect(player!.volume).toBeGreaterThan(0);
    expect(player!.volume).toBeLessThan(0.5);
    expect(player!.pause).not.toHaveBeenCalled();
    advance(FADE_MS / 2);
    expect(player!.volume).toBeCloseTo(0);
    expect(player!.pause).toHaveBeenCalled();

    const cues = spoken().length;
    advance(30_000); // paused: no cues, no ticks
    expect(spoken()).toHaveLength(cues);

    fireEvent.press(screen.getByTestId('resume-button'));
    await settle();
    advance(FADE_MS);
    expect(player!.volume).toBeCloseTo(0.5);
  });

  it('ending fades the soundscape out and frees it, and silences the voice', async () => {
    await openSession();
    const [player] = players();
    advance(FADE_MS + 5_000);
    fireEvent.press(screen.getByTestId('end-button'));
    await settle();
    expect(screen.getByTestId('session-complete')).toBeOnTheScreen();
    expect(Speech.stop).toHaveBeenCalled();
    expect(player!.remove).not.toHaveBeenCalled();
    advance(FADE_MS);
    expect(player!.remove).toHaveBeenCalled();
    expect(player!.volume).toBeCloseTo(0);
  });

  it('changes and remembers the guidance settings from the panel', async () => {
    const storage = await openSession();
    expect(screen.queryByTestId('guidance-panel')).toBeNull();
    fireEvent.press(screen.getByTestId('guidance-button'));
    expect(screen.getByTestId('guidance-panel')).toBeOnTheScreen();
    expect(screen.getByTestId('soundscape-ocean')).toHaveProp('accessibilityState', {
      checked: true,
      disabled: false,
    });

    fireEvent.press(screen.getByTestId('soundscape-rain'));
    fireEvent.press(screen.getByTestId('volume-up'));
    fireEvent.press(screen.getByTestId('voice-toggle'));
    fireEvent.press(screen.getByTestId('haptics-toggle'));
    await settle();
    expect(screen.getByTestId('volume-value')).toHaveTextContent('60%');
    expect(screen.getByTestId('voice-toggle')).toHaveProp('accessibilityState', {
      checked: false,
    });
    expect(await storage.settings.get(GUIDANCE_KEYS.soundscape, null)).toBe('rain');
    expect(await storage.settings.get(GUIDANCE_KEYS.volume, null)).toBe(0.6);
    expect(await storage.settings.get(GUIDANCE_KEYS.voice, null)).toBe(false);
    expect(await storage.settings.get(GUIDANCE_KEYS.haptics, null)).toBe(false);

    // The new soundscape crossfades in; the voice and the ticks stop.
    const rain = players().find((p) => p.source === SOUNDSCAPE_ASSETS.rain);
    expect(rain).toBeDefined();
    jest.mocked(Speech.speak).mockClear();
    jest.mocked(Haptics.impactAsync).mockClear();
    advance(FADE_MS + BREATH_MS);
    expect(rain!.volume).toBeCloseTo(0.6);
    expect(Speech.speak).not.toHaveBeenCalled();
    expect(Haptics.impactAsync).not.toHaveBeenCalled();

    fireEvent.press(screen.getByTestId('guidance-done'));
    expect(screen.queryByTestId('guidance-panel')).toBeNull();
  });
});
