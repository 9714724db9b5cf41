import { createLazyScreen } from '../session/lazy-screen';

// It brings the coach's feedback (and its scripted wording) with it: its own chunk.
const sessionComplete = createLazyScreen(
  () => import('./session-complete-screen').then((module) => module.SessionCompleteScreen),
  {
    loading: 'Loading',
    failed: 'This page could not be loaded. Your session is saved; check your connection.',
  },
);

export const SessionCompleteScreenLoader = sessionComplete.Loader;
export const warmSessionCompleteScreen = sessionComplete.warm;
