import { Redirect } from 'expo-router';
import { useEffect, useState } from 'react';

import { Screen } from '@/components/screen';
import { onboardedHint } from '@/features/coach/onboarded-hint';
import { useStorage, useStorageError } from '@/lib/storage';

import { warmOnboardingScreen } from '../onboarding/onboarding-screen-loader';

import { HomeScreen } from './home-screen';

type Destination = 'checking' | 'home' | 'onboarding';

/**
 * The app's front door: the welcome chat until it has been finished on this device
 * (the profile's onboardedAt), home afterwards. Where the device keeps a hint (the web),
 * the right screen shows at once; otherwise the profile is read first. Either way the
 * profile, once storage is open, has the last word (the chat checks it too).
 */
export function HomeGate() {
  const storage = useStorage();
  const storageError = useStorageError();
  const [destination, setDestination] = useState<Destination>(() => {
    const hint = onboardedHint.get();
    return hint === null ? 'checking' : hint ? 'home' : 'onboarding';
  });
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    if (destination === 'checking') warmOnboardingScreen();
  }, [destination]);

  useEffect(() => {
    if (storageError !== null) {
      // Without storage there is nowhere to keep the answers: home explains the problem.
      setDestination('home');
      return;
    }
    if (storage === null) return;
    let current = true;
    storage.profile.get().then(
      (profile) => {
        const onboarded = profile?.onboardedAt != null;
        onboardedHint.set(onboarded);
        if (!current) return;
        setName(profile?.name ?? null);
        setDestination(onboarded ? 'home' : 'onboarding');
      },
      () => current && setDestination('home'),
    );
    return () => {
      current = false;
    };
  }, [storage, storageError]);

  if (destination === 'onboarding') return <Redirect href="/onboarding" />;
  if (destination === 'checking') return <Screen testID="opening">{null}</Screen>;
  return <HomeScreen name={name} />;
}
