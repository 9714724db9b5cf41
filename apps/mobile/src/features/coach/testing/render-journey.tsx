import { Stack } from 'expo-router';
import { renderRouter } from 'expo-router/testing-library';

import HomeRoute from '@/app/index';
import IntroductionRoute from '@/app/introduction';
import OnboardingRoute from '@/app/onboarding';
import SessionRoute from '@/app/session';
import SessionCompleteRoute from '@/app/session-complete';
import { createCoachClient, type CoachClient } from '@/lib/api';
import { nodeFetch } from '@/lib/api/coach-test-server';
import { StorageProvider, type Storage } from '@/lib/storage';

import { CoachClientContext } from '../use-device-coach';

export interface JourneyOptions {
  /** The coach API's address (a local test server); none: the device has no API. */
  apiUrl?: string | null;
  responseTimeoutMs?: number;
  initialUrl?: string;
}

/**
 * Test support: the first-run routes rendered in memory, on the given storage, with the
 * coach API at `apiUrl` reached over real HTTP (or no API at all).
 */
export function renderJourney(
  storage: Storage,
  { apiUrl = null, responseTimeoutMs, initialUrl = '/' }: JourneyOptions = {},
) {
  const makeClient = (deviceId: () => Promise<string>): CoachClient | null =>
    apiUrl === null
      ? null
      : createCoachClient({ baseUrl: apiUrl, fetch: nodeFetch, deviceId, responseTimeoutMs });
  function Layout() {
    return (
      <CoachClientContext.Provider value={makeClient}>
        <StorageProvider open={() => Promise.resolve(storage)}>
          <Stack screenOptions={{ headerShown: false }} />
        </StorageProvider>
      </CoachClientContext.Provider>
    );
  }
  return renderRouter(
    {
      _layout: Layout,
      index: HomeRoute,
      onboarding: OnboardingRoute,
      introduction: IntroductionRoute,
      session: SessionRoute,
      'session-complete': SessionCompleteRoute,
    },
    { initialUrl },
  );
}
