import { useCallback, useEffect, useRef, useState } from 'react';

import { useStorage, useStorageError } from '@/lib/storage';

import { deviceTimeZone } from './device-time-zone';
import type { ProgressView } from './load-progress';
import { loadProgressRuntime } from './load-runtime';

export interface UseProgressResult {
  view: ProgressView | null;
  loading: boolean;
  error: Error | null;
  reload: () => Promise<void>;
}

/** The progress screen's data, for today in the device's zone; `month` picks the heat-map. */
export function useProgress(month?: string): UseProgressResult {
  const storage = useStorage();
  const openError = useStorageError();
  const [state, setState] = useState<Omit<UseProgressResult, 'reload'>>({
    view: null,
    loading: true,
    error: null,
  });
  // Only the latest read may land, so a slow earlier one cannot overwrite a newer month.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (!storage) return;
    const read = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const { loadProgress } = await loadProgressRuntime();
      const view = await loadProgress(storage, {
        now: Date.now(),
        timeZone: deviceTimeZone(),
        ...(month ? { month } : {}),
      });
      if (read === latest.current) setState({ view, loading: false, error: null });
    } catch (error) {
      if (read === latest.current) {
        setState((previous) => ({
          ...previous,
          loading: false,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      }
    }
  }, [storage, month]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (openError) return { view: null, loading: false, error: openError, reload };
  return { ...state, reload };
}
