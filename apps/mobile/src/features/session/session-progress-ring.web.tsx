import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { Circle } from 'react-native-svg';

import {
  dashOffset,
  ringGeometry,
  type SessionProgressHandle,
  type SessionProgressRingProps,
} from './session-progress-ring.types';
import { ProgressRingFrame } from './progress-ring-frame';

/** What react-native-svg's web shapes accept: the new attribute values under `style`. */
interface WebShape {
  setNativeProps(props: { style: Record<string, number | string> }): void;
}

/**
 * Web: react-native-svg renders DOM <circle> elements whose setNativeProps writes the
 * attributes directly (the path Reanimated uses on web), so no render per frame.
 */
export function SessionProgressRing({
  ref,
  size,
  strokeWidth,
  color,
  trackColor,
  accessibilityLabel,
}: SessionProgressRingProps & { ref?: Ref<SessionProgressHandle> }) {
  const { radius, circumference, center } = ringGeometry(size, strokeWidth);
  const arc = useRef<WebShape>(null);
  const progress = useRef(0);
  const apply = (next: number) => {
    progress.current = next;
    arc.current?.setNativeProps({ style: { strokeDashoffset: dashOffset(circumference, next) } });
  };
  useImperativeHandle(ref, () => ({ setProgress: apply }));
  // A new size re-renders the arc empty; put the progress back (no frame comes while paused).
  useLayoutEffect(() => apply(progress.current));

  return (
    <ProgressRingFrame
      size={size}
      strokeWidth={strokeWidth}
      trackColor={trackColor}
      accessibilityLabel={accessibilityLabel}
    >
      <Circle
        ref={arc as unknown as Ref<Circle>}
        cx={center}
        cy={center}
        r={radius}
        stroke={color}
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        fill="none"
        strokeDasharray={`${circumference} ${circumference}`}
        strokeDashoffset={circumference}
        transform={`rotate(-90 ${center} ${center})`}
      />
    </ProgressRingFrame>
  );
}
