import { flushSync } from 'react-dom';

/**
 * A state update made in a requestAnimationFrame callback is otherwise rendered in a
 * later task, after the browser has painted this frame: the circle would turn a frame
 * before the label does. Flushing keeps both in the same paint.
 */
export function commitFrameUpdate(update: () => void): void {
  flushSync(update);
}
