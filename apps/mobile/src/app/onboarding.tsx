import { useLocalSearchParams } from 'expo-router';

import { OnboardingScreenLoader } from '@/screens/onboarding/onboarding-screen-loader';

export default function OnboardingRoute() {
  // `?redo=1`: opened from settings to answer the questions again.
  const { redo } = useLocalSearchParams<{ redo?: string }>();
  return <OnboardingScreenLoader redo={redo === '1'} />;
}
