// React Native's Jest preset runs requestAnimationFrame as setTimeout(0), which under fake
// timers fires every millisecond. Frames here come every 16 ms, as on a 60 Hz display, so
// tests see the same frame-to-boundary offsets a phone would.
function mockDisplayFrames() {
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback) =>
    setTimeout(() => callback(Date.now()), 16) as unknown as number;
  globalThis.cancelAnimationFrame = (id) => clearTimeout(id ?? undefined);
}
mockDisplayFrames();

// Worklets need the native runtime, so their own mock stands in (as Reanimated's testing
// guide says). Loading it replaces requestAnimationFrame with setTimeout(0) again.
jest.mock('react-native-worklets', () => {
  const worklets = jest.requireActual('react-native-worklets/src/mock');
  mockDisplayFrames();
  return worklets;
});

// expo-audio, expo-speech and expo-haptics are native modules: their JavaScript calls into
// iOS and Android code that does not exist under Jest. Small fakes stand in, recording what
// the app asked for so tests can check it (fades, cues, ticks). The fakes finish speaking
// on the next timer tick, as the device's speech engine reports its end asynchronously.
jest.mock('expo-audio', () => {
  function createAudioPlayer(source: unknown) {
    return {
      source,
      volume: 1,
      loop: false,
      playing: false,
      play: jest.fn(function (this: { playing: boolean }) {
        this.playing = true;
      }),
      pause: jest.fn(function (this: { playing: boolean }) {
        this.playing = false;
      }),
      remove: jest.fn(),
      setActiveForLockScreen: jest.fn(),
      clearLockScreenControls: jest.fn(),
    };
  }
  return {
    createAudioPlayer: jest.fn(createAudioPlayer),
    setAudioModeAsync: jest.fn(() => Promise.resolve()),
  };
});

jest.mock('expo-speech', () => ({
  speak: jest.fn((_text: string, options?: { onDone?: () => void }) => {
    if (options?.onDone) setTimeout(options.onDone, 0);
  }),
  stop: jest.fn(() => Promise.resolve()),
}));

jest.mock('expo-haptics', () => ({
  ImpactFeedbackStyle: { Light: 'light', Medium: 'medium', Heavy: 'heavy' },
  impactAsync: jest.fn(() => Promise.resolve()),
}));

// Jest's asset stub gives every file the same id; distinct ones let tests tell the
// soundscapes apart.
jest.mock('./assets/sounds/ocean.wav', () => ({ __esModule: true, default: 'ocean.wav' }));
jest.mock('./assets/sounds/rain.wav', () => ({ __esModule: true, default: 'rain.wav' }));
jest.mock('./assets/sounds/drone.wav', () => ({ __esModule: true, default: 'drone.wav' }));

// expo-notifications schedules through iOS and Android notification centres that do not
// exist under Jest (jest-expo's automock answers every call with undefined). This fake keeps
// what the app scheduled in memory with the documented shapes, and a permission that tests
// set, so the real reminder code runs against it.
jest.mock('expo-notifications', () => {
  type Request = { identifier: string; content: Record<string, unknown>; trigger: unknown };
  const state = {
    permission: 'undetermined' as 'granted' | 'denied' | 'undetermined',
    answer: 'granted' as 'granted' | 'denied',
    scheduled: new Map<string, Request>(),
    badge: 0,
  };
  const status = () => ({
    status: state.permission,
    granted: state.permission === 'granted',
    canAskAgain: state.permission === 'undetermined',
    expires: 'never',
  });
  return {
    __state: state,
    IosAuthorizationStatus: { NOT_DETERMINED: 0, DENIED: 1, AUTHORIZED: 2, PROVISIONAL: 3 },
    AndroidImportance: { DEFAULT: 3 },
    SchedulableTriggerInputTypes: { DATE: 'date' },
    setNotificationHandler: jest.fn(),
    setNotificationChannelAsync: jest.fn(() => Promise.resolve(null)),
    getPermissionsAsync: jest.fn(() => Promise.resolve(status())),
    requestPermissionsAsync: jest.fn(() => {
      if (state.permission === 'undetermined') state.permission = state.answer;
      return Promise.resolve(status());
    }),
    scheduleNotificationAsync: jest.fn((request: Request) => {
      state.scheduled.set(request.identifier, request);
      return Promise.resolve(request.identifier);
    }),
    getAllScheduledNotificationsAsync: jest.fn(() =>
      Promise.resolve([...state.scheduled.values()]),
    ),
    cancelScheduledNotificationAsync: jest.fn((id: string) => {
      state.scheduled.delete(id);
      return Promise.resolve();
    }),
    setBadgeCountAsync: jest.fn((count: number) => {
      state.badge = count;
      return Promise.resolve(true);
    }),
  };
});
