import { useCallback, useEffect, useRef, useState } from 'react';

import { useStorage, useStorageError, type Storage } from '@/lib/storage';

import {
  DEFAULT_GUIDANCE,
  GUIDANCE_KEYS,
  readGuidanceSettings,
  type GuidanceSettings,
} from './guidance-settings';

type Key = keyof GuidanceSettings;

export interface UseGuidanceSettings {
  settings: GuidanceSettings;
  /** False until the stored settings have been read (or could not be). */
  loaded: boolean;
  /** Applies at once and is saved on the device. */
  change<K extends Key>(key: K, value: GuidanceSettings[K]): void;
}

function save<K extends Key>(storage: Storage, key: K, value: GuidanceSettings[K]) {
  storage.settings.set(GUIDANCE_KEYS[key], value).catch((error: unknown) => {
    console.warn('Could not save a guidance setting', error);
  });
}

/**
 * The session's guidance settings from the settings repository. Until they are read the
 * defaults stand in, with `loaded` false, so nothing is played or spoken against a choice
 * the person may have turned off. If storage fails the defaults stay.
 */
export function useGuidanceSettings(): UseGuidanceSettings {
  const storage = useStorage();
  const storageError = useStorageError();
  const [settings, setSettings] = useState(DEFAULT_GUIDANCE);
  const [read, setRead] = useState(false);
  // Changed before the stored values arrived: these win over what was stored.
  const early = useRef<Partial<GuidanceSettings>>({});

  useEffect(() => {
    if (storage === null) return;
    let current = true;
    readGuidanceSettings(storage.settings).then(
      (stored) => {
        if (!current) return;
        const pending = early.current;
        for (const key of Object.keys(pending) as Key[]) save(storage, key, pending[key]!);
        setSettings({ ...stored, ...pending });
        setRead(true);
      },
      (error: unknown) => {
        console.warn('Could not read the guidance settings', error);
        if (current) setRead(true);
      },
    );
    return () => {
      current = false;
    };
  }, [storage]);

  const change = useCallback(
    <K extends Key>(key: K, value: GuidanceSettings[K]) => {
      setSettings((previous) => ({ ...previous, [key]: value }));
      if (read && storage !== null) save(storage, key, value);
      else early.current = { ...early.current, [key]: value };
    },
    [read, storage],
  );

  return { settings, loaded: read || storageError !== null, change };
}
