/** Native: the screen is in the app binary's bundle already; nothing to load. */
export { SessionCompleteScreen as SessionCompleteScreenLoader } from './session-complete-screen';

export function warmSessionCompleteScreen(): void {}
