import { Stack } from 'expo-router';
import { renderRouter } from 'expo-router/testing-library';

import HomeRoute from '@/app/index';
import SessionRoute from '@/app/session';
import SessionCompleteRoute from '@/app/session-complete';
import { StorageProvider, type Storage } from '@/lib/storage';

/**
 * Renders the app's routes in memory with `storage` in place of the on-device database
 * (expo-sqlite cannot run under Jest).
 */
export function renderApp(storage: Storage, initialUrl = '/') {
  function Layout() {
    return (
      <StorageProvider open={() => Promise.resolve(storage)}>
        <Stack screenOptions={{ headerShown: false }} />
      </StorageProvider>
    );
  }
  return renderRouter(
    {
      _layout: Layout,
      index: HomeRoute,
      session: SessionRoute,
      'session-complete': SessionCompleteRoute,
    },
    { initialUrl },
  );
}
