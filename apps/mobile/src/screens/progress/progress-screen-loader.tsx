import { ProgressScreen } from './progress-screen';

/** Native: the screen is in the app binary's bundle already; nothing to load. */
export const ProgressScreenLoader = ProgressScreen;
