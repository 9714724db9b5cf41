/**
 * Phones open SQLite in moments, so the profile itself decides whether the welcome chat
 * is due; there is nothing to remember here.
 */
export const onboardedHint = {
  get(): boolean {
    return false;
  },
  set(_onboarded: boolean): void {},
};
