import { useEffect, useRef, useState } from 'react';
import { Animated, Platform, StyleSheet } from 'react-native';

import { AppText } from '@/components/app-text';
import { radius, spacing, useTheme } from '@/theme';

export const CHECK_IN_FADE_MS = 700;

interface CheckInPromptProps {
  /** The prompt for this breath, or null between check-ins. */
  text: string | null;
  reducedMotion: boolean;
}

/**
 * A body check-in ("Notice your shoulders…") that fades in as its breath begins and out
 * when the breath ends, slowly enough not to pull the eye off the circle.
 */
export function CheckInPrompt({ text, reducedMotion }: CheckInPromptProps) {
  const theme = useTheme();
  // Kept while fading out, so the words do not vanish before the card does.
  const [shown, setShown] = useState(text);
  const [opacity] = useState(() => new Animated.Value(text === null ? 0 : 1));
  const fade = useRef<Animated.CompositeAnimation | null>(null);

  useEffect(() => {
    fade.current?.stop();
    if (text !== null) setShown(text);
    const to = text === null ? 0 : 1;
    if (reducedMotion) {
      opacity.setValue(to);
      if (text === null) setShown(null);
      return;
    }
    fade.current = Animated.timing(opacity, {
      toValue: to,
      duration: CHECK_IN_FADE_MS,
      useNativeDriver: Platform.OS !== 'web',
    });
    fade.current.start(({ finished }) => {
      if (finished && text === null) setShown(null);
    });
  }, [text, reducedMotion, opacity]);

  if (shown === null) return null;
  return (
    <Animated.View
      testID="check-in"
      accessibilityLiveRegion="polite"
      style={[styles.card, { backgroundColor: theme.surfaceMuted, opacity }]}
    >
      <AppText style={styles.text}>{shown}</AppText>
    </Animated.View>
  );
}

const styles = StyleSheet.create({
  card: {
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm + 2,
    borderRadius: radius.md,
    maxWidth: 420,
  },
  text: { textAlign: 'center' },
});
