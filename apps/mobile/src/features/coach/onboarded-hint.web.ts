const KEY = 'exhale.onboarded';

/**
 * On the web SQLite loads after the first screen (with its worker and WebAssembly it is
 * the heaviest part of the app), yet only the profile in it says whether to show the
 * welcome chat or home. This one-bit hint, kept beside it in the same origin's storage
 * (cleared together with it), lets the right screen show at once: true after the chat
 * was finished here, false for a browser that has never finished it, null when the
 * browser will not say (storage blocked). The profile is read afterwards and wins.
 */
export const onboardedHint = {
  get(): boolean | null {
    try {
      const storage = globalThis.localStorage;
      return storage ? storage.getItem(KEY) === '1' : null;
    } catch {
      return null; // storage blocked (private mode, policies): the profile decides
    }
  },
  set(onboarded: boolean): void {
    try {
      if (onboarded) globalThis.localStorage?.setItem(KEY, '1');
      else globalThis.localStorage?.removeItem(KEY);
    } catch {
      // Only a shortcut: without it the profile is read first.
    }
  },
};
