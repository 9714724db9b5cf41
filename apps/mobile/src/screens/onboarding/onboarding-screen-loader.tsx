/** Native: the screen is in the app binary's bundle already; nothing to load. */
export { OnboardingScreen as OnboardingScreenLoader } from './onboarding-screen';

export function warmOnboardingScreen(): void {}
