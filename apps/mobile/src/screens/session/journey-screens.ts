// Web: every screen after the first, in one lazy chunk. Metro's web export moves any
// module shared by two lazy chunks into a common chunk that loads with the first screen,
// so screens sharing the coach (its client, scripted wording and schemas) and the calm
// rating must share a chunk to stay out of the first screen's download.
export { IntroductionScreen } from '../introduction/introduction-screen';
export { OnboardingScreen } from '../onboarding/onboarding-screen';
export { SessionCompleteScreen } from '../session-complete/session-complete-screen';
export { SessionScreen } from './session-screen';
