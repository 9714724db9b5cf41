import { act, renderHook, waitFor } from '@testing-library/react-native';
import { AccessibilityInfo } from 'react-native';

import { useReducedMotion } from './use-reduced-motion';

describe('useReducedMotion', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('reads the system setting and follows changes to it', async () => {
    let onChange: ((enabled: boolean) => void) | undefined;
    const remove = jest.fn();
    jest.spyOn(AccessibilityInfo, 'isReduceMotionEnabled').mockResolvedValue(true);
    const addListener = (event: string, handler: (enabled: boolean) => void) => {
      if (event === 'reduceMotionChanged') onChange = handler;
      return { remove };
    };
    jest
      .spyOn(AccessibilityInfo, 'addEventListener')
      .mockImplementation(addListener as unknown as typeof AccessibilityInfo.addEventListener);

    const { result, unmount } = renderHook(() => useReducedMotion());
    expect(result.current).toBe(false);
    await waitFor(() => expect(result.current).toBe(true));

    act(() => onChange?.(false));
    expect(result.current).toBe(false);

    unmount();
    expect(remove).toHaveBeenCalled();
  });
});
