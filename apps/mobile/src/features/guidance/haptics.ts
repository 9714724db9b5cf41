import * as Haptics from 'expo-haptics';

/** Native: a light impact, the subtlest tap that still reads as "now". */
export function phaseTick(): void {
  Haptics.impactAsync(Haptics.ImpactFeedbackStyle.Light).catch(() => {
    // No haptic engine (some Android devices, simulators): nothing to feel, nothing to fix.
  });
}
