import { useImperativeHandle, type Ref } from 'react';
import { StyleSheet, View } from 'react-native';
import Animated, { useAnimatedStyle, useSharedValue } from 'react-native-reanimated';

import type { BreathCircleHandle, BreathCircleProps } from './breath-circle.types';

/** Native: the scale lives in a shared value, applied on the UI thread. */
export function BreathCircle({
  ref,
  size,
  color,
  glowColor,
  initialScale,
}: BreathCircleProps & { ref?: Ref<BreathCircleHandle> }) {
  const scale = useSharedValue(initialScale);
  useImperativeHandle(ref, () => ({ setScale: (next: number) => scale.set(next) }), [scale]);
  const animatedStyle = useAnimatedStyle(() => ({ transform: [{ scale: scale.get() }] }));

  return (
    <View
      style={[styles.frame, { width: size, height: size }]}
      accessibilityElementsHidden
      importantForAccessibility="no-hide-descendants"
    >
      <Animated.View
        testID="breath-circle"
        style={[
          styles.circle,
          { width: size, height: size, borderRadius: size / 2, backgroundColor: glowColor },
          animatedStyle,
        ]}
      >
        <View
          style={[
            styles.core,
            {
              width: size * 0.72,
              height: size * 0.72,
              borderRadius: size * 0.36,
              backgroundColor: color,
            },
          ]}
        />
      </Animated.View>
    </View>
  );
}

const styles = StyleSheet.create({
  frame: { alignItems: 'center', justifyContent: 'center' },
  circle: { alignItems: 'center', justifyContent: 'center' },
  core: { opacity: 0.9 },
});
