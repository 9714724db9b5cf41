import { useCallback, useState } from 'react';
import type { LayoutChangeEvent } from 'react-native';

/** The laid-out width of a view, for charts that draw in pixels (0 until measured). */
export function useWidth(): [number, (event: LayoutChangeEvent) => void] {
  const [width, setWidth] = useState(0);
  const onLayout = useCallback((event: LayoutChangeEvent) => {
    const next = Math.floor(event.nativeEvent.layout.width);
    setWidth((previous) => (previous === next ? previous : next));
  }, []);
  return [width, onLayout];
}
