const KEY = 'exhale.onboarded';

/**
 * On the web SQLite loads after the first screen (it is a fifth of the bundle), yet only
 * the profile in it says whether to show the welcome chat or home. This one-bit hint,
 * kept beside it in localStorage, lets home show at once for people who have been here
 * before; the profile is still read afterwards and wins if they disagree.
 */
export const onboardedHint = {
  get(): boolean {
    try {
      return globalThis.localStorage?.getItem(KEY) === '1';
    } catch {
      return false; // storage blocked (private mode, policies): the profile decides
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
