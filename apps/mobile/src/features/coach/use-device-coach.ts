import { createContext, useContext, useMemo } from 'react';

import {
  apiBaseUrl,
  createCoachClient,
  deviceId,
  newDeviceId,
  streamingFetch,
  type CoachClient,
} from '@/lib/api';
import { useStorage } from '@/lib/storage';

import { createDeviceCoach, type DeviceCoach } from './device-coach';

// Used only while the device's settings cannot be read, so requests still carry an id.
const RUN_DEVICE_ID = newDeviceId();

function logFallback(error: unknown) {
  // The person sees the scripted coach, not this; it is for whoever reads the logs.
  if (__DEV__) console.info('Coach API not used, scripted coach instead:', error);
}

/**
 * Which coach API the app talks to: by default the one this build points at (the page's
 * origin on the web, EXPO_PUBLIC_API_URL on phones). Tests provide a client on a local
 * server; null means no API at all.
 */
export const CoachClientContext = createContext<
  ((deviceId: () => Promise<string>) => CoachClient | null) | undefined
>(undefined);

function defaultClient(id: () => Promise<string>): CoachClient | null {
  const baseUrl = apiBaseUrl();
  return baseUrl === null
    ? null
    : createCoachClient({ baseUrl, fetch: streamingFetch, deviceId: id });
}

/** The coach for this device: the API when reachable, the scripted coach otherwise. */
export function useDeviceCoach(): DeviceCoach {
  const storage = useStorage();
  const makeClient = useContext(CoachClientContext) ?? defaultClient;
  return useMemo(() => {
    const settings = storage?.settings ?? null;
    const id = () =>
      settings === null
        ? Promise.resolve(RUN_DEVICE_ID)
        : deviceId(settings).catch(() => RUN_DEVICE_ID);
    return createDeviceCoach({ client: makeClient(id), onFallback: logFallback });
  }, [storage, makeClient]);
}
