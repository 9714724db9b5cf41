import type { ReactNode } from 'react';
import Svg, { Circle } from 'react-native-svg';

import { ringGeometry, type SessionProgressRingProps } from './session-progress-ring.types';

/** The ring's canvas and its track, shared by the native and web arcs drawn inside it. */
export function ProgressRingFrame({
  size,
  strokeWidth,
  trackColor,
  accessibilityLabel,
  children,
}: Omit<SessionProgressRingProps, 'color'> & { children: ReactNode }) {
  const { radius, center } = ringGeometry(size, strokeWidth);
  return (
    <Svg
      testID="session-progress"
      width={size}
      height={size}
      accessibilityLabel={accessibilityLabel}
      accessibilityRole="progressbar"
    >
      <Circle
        cx={center}
        cy={center}
        r={radius}
        stroke={trackColor}
        strokeWidth={strokeWidth}
        fill="none"
      />
      {children}
    </Svg>
  );
}
