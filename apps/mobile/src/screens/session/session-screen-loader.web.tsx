import { createLazyScreen } from '@/lib/lazy-screen';

const session = createLazyScreen(
  () => import('./journey-screens').then((module) => module.SessionScreen),
  {
    loading: 'Loading the session',
    failed: 'The session could not be loaded. Check your connection.',
  },
);

export const SessionScreenLoader = session.Loader;
export const warmSessionScreen = session.warm;
export const preloadSessionScreenWhenIdle = session.preloadWhenIdle;
