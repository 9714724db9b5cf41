import { createLazyScreen } from '@/lib/lazy-screen';

// Settings ship in their own chunk, fetched when the screen is opened, so they never count
// against the first screen's bundle.
const settings = createLazyScreen(
  () => import('./settings-screen').then((module) => module.SettingsScreen),
  {
    loading: 'Loading settings',
    failed: 'Settings could not be loaded. Check your connection.',
  },
);

export const SettingsScreenLoader = settings.Loader;
