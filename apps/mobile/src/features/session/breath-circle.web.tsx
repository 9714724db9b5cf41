import { useImperativeHandle, useRef, type Ref } from 'react';
import { StyleSheet, View } from 'react-native';

import type { BreathCircleHandle, BreathCircleProps } from './breath-circle.types';

/**
 * Web: react-native-web renders a View as a DOM element, so the scale is written straight
 * to its style. No animation library ships to the browser for this.
 */
export function BreathCircle({
  ref,
  size,
  color,
  glowColor,
  initialScale,
}: BreathCircleProps & { ref?: Ref<BreathCircleHandle> }) {
  const node = useRef<View>(null);
  useImperativeHandle(
    ref,
    () => ({
      setScale(next: number) {
        const element = node.current as unknown as HTMLElement | null;
        if (element) element.style.transform = `scale(${next})`;
      },
    }),
    [],
  );

  return (
    <View style={[styles.frame, { width: size, height: size }]} aria-hidden>
      <View
        ref={node}
        testID="breath-circle"
        style={[
          styles.circle,
          {
            width: size,
            height: size,
            borderRadius: size / 2,
            backgroundColor: glowColor,
            transform: [{ scale: initialScale }],
          },
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
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  frame: { alignItems: 'center', justifyContent: 'center' },
  circle: { alignItems: 'center', justifyContent: 'center' },
  core: { opacity: 0.9 },
});
