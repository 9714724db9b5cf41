/** Moves the circle without a React render: called on every display frame. */
export interface BreathCircleHandle {
  setScale(scale: number): void;
}

export interface BreathCircleProps {
  /** Diameter at full scale, in points. */
  size: number;
  color: string;
  glowColor: string;
  initialScale: number;
}
