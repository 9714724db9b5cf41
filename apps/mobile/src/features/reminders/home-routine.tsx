/** Native: the home screen's routine corner, in the bundle already. */
export { HomeRoutine } from './home-routine-view';
