import { createLazyScreen } from '@/lib/lazy-screen';

// It asks the coach for the session plan: loaded after the first screen, with the journey.
const introduction = createLazyScreen(
  () => import('../session/journey-screens').then((module) => module.IntroductionScreen),
  {
    loading: 'Loading the introduction',
    failed: 'The introduction could not be loaded. Check your connection.',
  },
);

export const IntroductionScreenLoader = introduction.Loader;
