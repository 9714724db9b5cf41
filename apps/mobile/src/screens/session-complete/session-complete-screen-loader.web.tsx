import { createLazyScreen } from '@/lib/lazy-screen';

// It brings the coach's feedback: loaded after the first screen, with the journey.
const sessionComplete = createLazyScreen(
  () => import('../session/journey-screens').then((module) => module.SessionCompleteScreen),
  {
    loading: 'Loading',
    failed: 'This page could not be loaded. Your session is saved; check your connection.',
  },
);

export const SessionCompleteScreenLoader = sessionComplete.Loader;
export const warmSessionCompleteScreen = sessionComplete.warm;
