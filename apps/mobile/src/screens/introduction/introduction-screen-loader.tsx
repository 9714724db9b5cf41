/** Native: the screen is in the app binary's bundle already; nothing to load. */
export { IntroductionScreen as IntroductionScreenLoader } from './introduction-screen';
