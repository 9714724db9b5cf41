import { SessionScreen } from './session-screen';

/** Native: the screen is in the app binary's bundle already; nothing to load. */
export const SessionScreenLoader = SessionScreen;

export function warmSessionScreen(): void {}

export function preloadSessionScreenWhenIdle(): () => void {
  return () => {};
}
