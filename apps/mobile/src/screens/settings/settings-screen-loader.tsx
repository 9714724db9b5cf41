import { SettingsScreen } from './settings-screen';

/** Native: the screen is in the app binary's bundle already; nothing to load. */
export const SettingsScreenLoader = SettingsScreen;
