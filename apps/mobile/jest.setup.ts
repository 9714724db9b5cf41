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
