import { createLazyScreen } from '@/lib/lazy-screen';

// The progress screen and its chart library ship in their own chunk, fetched when the
// screen is opened, so they never count against the first screen's bundle.
const progress = createLazyScreen(
  () => import('./progress-screen').then((module) => module.ProgressScreen),
  {
    loading: 'Loading your progress',
    failed: 'Your progress could not be loaded. Check your connection.',
  },
);

export const ProgressScreenLoader = progress.Loader;
