import { createLazyScreen } from '../session/lazy-screen';

import type { OnboardingScreenProps } from './onboarding-screen';

// The chat brings the coach (its schemas and scripted wording) with it: its own chunk.
const onboarding = createLazyScreen<OnboardingScreenProps>(
  () => import('./onboarding-screen').then((module) => module.OnboardingScreen),
  {
    loading: 'Loading',
    failed: 'Exhale could not finish loading. Check your connection and try again.',
  },
);

export const OnboardingScreenLoader = onboarding.Loader;
export const warmOnboardingScreen = onboarding.warm;
