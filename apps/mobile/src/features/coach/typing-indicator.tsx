import { useEffect, useState } from 'react';
import { Animated, Platform, StyleSheet, View } from 'react-native';

import { spacing, useTheme } from '@/theme';

const DOTS = [0, 1, 2] as const;
const PULSE_MS = 450;

/** Three softly pulsing dots while the coach is writing; still dots with reduced motion. */
export function TypingIndicator({ reducedMotion }: { reducedMotion: boolean }) {
  const theme = useTheme();
  const [levels] = useState(() => DOTS.map(() => new Animated.Value(0.35)));

  useEffect(() => {
    if (reducedMotion) return;
    const useNativeDriver = Platform.OS !== 'web';
    const loops = levels.map((level, index) =>
      Animated.loop(
        Animated.sequence([
          Animated.delay(index * 150),
          Animated.timing(level, { toValue: 1, duration: PULSE_MS, useNativeDriver }),
          Animated.timing(level, { toValue: 0.35, duration: PULSE_MS, useNativeDriver }),
          Animated.delay((DOTS.length - 1 - index) * 150),
        ]),
      ),
    );
    loops.forEach((loop) => loop.start());
    return () => loops.forEach((loop) => loop.stop());
  }, [levels, reducedMotion]);

  return (
    <View
      style={styles.row}
      accessible
      accessibilityLabel="The coach is writing"
      testID="typing-indicator"
    >
      {levels.map((opacity, index) => (
        <Animated.View
          key={index}
          style={[styles.dot, { backgroundColor: theme.textMuted, opacity }]}
        />
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', gap: spacing.xs + 2, paddingVertical: spacing.sm },
  dot: { width: 8, height: 8, borderRadius: 4 },
});
