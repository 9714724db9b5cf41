const TICK_MS = 12;

/**
 * Web: a very short vibration, only on touch devices that have one (Android browsers).
 * Desktop browsers may expose navigator.vibrate too, but there is nothing to feel there.
 */
export function phaseTick(): void {
  if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return;
  if (typeof matchMedia !== 'function' || !matchMedia('(pointer: coarse)').matches) return;
  try {
    navigator.vibrate(TICK_MS);
  } catch {
    // Refused (no user gesture yet, or a permissions policy): a missed tick is harmless.
  }
}
