import { createLazyScreen } from '../session/lazy-screen';

// It asks the coach for the session plan, so it brings the coach's code: its own chunk.
const introduction = createLazyScreen(
  () => import('./introduction-screen').then((module) => module.IntroductionScreen),
  {
    loading: 'Loading the introduction',
    failed: 'The introduction could not be loaded. Check your connection.',
  },
);

export const IntroductionScreenLoader = introduction.Loader;
