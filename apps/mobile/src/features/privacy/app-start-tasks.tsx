import { useEffect } from 'react';
import { AppState } from 'react-native';

import { useStorage } from '@/lib/storage';

import { loadProgressRuntime } from '@/features/progress/load-runtime';

/**
 * Once storage is open: prune sessions past the retention choice, start analytics if the
 * person opted in, and bring reminders and the icon badge up to date. Reminders are synced
 * again each time the app returns to the foreground, which also catches a new day and a
 * changed time zone (travel). Renders nothing.
 */
export function AppStartTasks() {
  const storage = useStorage();

  useEffect(() => {
    if (storage === null) return;
    // Loaded after the first screen on the web: none of it is needed to draw anything.
    void loadProgressRuntime().then(({ runStartTasks }) => runStartTasks(storage));
    const subscription = AppState.addEventListener('change', (state) => {
      if (state !== 'active') return;
      void loadProgressRuntime()
        .then(({ syncRemindersNow }) => syncRemindersNow(storage))
        .catch((error: unknown) => console.warn('Could not schedule reminders', error));
    });
    return () => subscription.remove();
  }, [storage]);

  return null;
}
