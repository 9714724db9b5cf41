/** Moves the ring without a React render: called on every display frame. */
export interface SessionProgressHandle {
  /** 0 at the start of the session, 1 at its end. */
  setProgress(progress: number): void;
}

export interface SessionProgressRingProps {
  size: number;
  strokeWidth: number;
  color: string;
  trackColor: string;
  /** Announced to assistive technology, e.g. "Session progress". */
  accessibilityLabel: string;
}

export function ringGeometry(size: number, strokeWidth: number) {
  const radius = (size - strokeWidth) / 2;
  return { radius, circumference: 2 * Math.PI * radius, center: size / 2 };
}

export function dashOffset(circumference: number, progress: number): number {
  return circumference * (1 - Math.min(Math.max(progress, 0), 1));
}
