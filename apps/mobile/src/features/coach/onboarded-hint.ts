/**
 * Phones open SQLite in moments, so the profile itself decides whether the welcome chat
 * is due: the hint never knows (null).
 */
export const onboardedHint = {
  get(): boolean | null {
    return null;
  },
  set(_onboarded: boolean): void {},
};
