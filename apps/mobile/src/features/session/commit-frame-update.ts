/**
 * Native: React Native commits the render on its own schedule, the same frame budget the
 * shared values are applied in, so the update runs as is.
 */
export function commitFrameUpdate(update: () => void): void {
  update();
}
