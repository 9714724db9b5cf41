import { useImperativeHandle, type Ref } from 'react';
import Animated, { useAnimatedProps, useSharedValue } from 'react-native-reanimated';
import { Circle } from 'react-native-svg';

import {
  dashOffset,
  ringGeometry,
  type SessionProgressHandle,
  type SessionProgressRingProps,
} from './session-progress-ring.types';
import { ProgressRingFrame } from './progress-ring-frame';

const AnimatedCircle = Animated.createAnimatedComponent(Circle);

/** Native: the arc's dash offset is a shared value, applied on the UI thread. */
export function SessionProgressRing({
  ref,
  size,
  strokeWidth,
  color,
  trackColor,
  accessibilityLabel,
}: SessionProgressRingProps & { ref?: Ref<SessionProgressHandle> }) {
  const { radius, circumference, center } = ringGeometry(size, strokeWidth);
  const progress = useSharedValue(0);
  useImperativeHandle(ref, () => ({ setProgress: (next: number) => progress.set(next) }), [
    progress,
  ]);
  const animatedProps = useAnimatedProps(() => ({
    strokeDashoffset: dashOffset(circumference, progress.get()),
  }));

  return (
    <ProgressRingFrame
      size={size}
      strokeWidth={strokeWidth}
      trackColor={trackColor}
      accessibilityLabel={accessibilityLabel}
    >
      <AnimatedCircle
        cx={center}
        cy={center}
        r={radius}
        stroke={color}
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        fill="none"
        strokeDasharray={`${circumference} ${circumference}`}
        animatedProps={animatedProps}
        transform={`rotate(-90 ${center} ${center})`}
      />
    </ProgressRingFrame>
  );
}
