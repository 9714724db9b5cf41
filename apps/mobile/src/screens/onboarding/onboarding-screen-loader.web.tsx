import { createLazyScreen } from '@/lib/lazy-screen';

import type { OnboardingScreenProps } from './onboarding-screen';

// The chat brings the coach with it: loaded after the first screen, with the journey.
const onboarding = createLazyScreen<OnboardingScreenProps>(
  () => import('../session/journey-screens').then((module) => module.OnboardingScreen),
  {
    loading: 'Loading',
    failed: 'Exhale could not finish loading. Check your connection and try again.',
  },
);

export const OnboardingScreenLoader = onboarding.Loader;
export const warmOnboardingScreen = onboarding.warm;
