import type { SettingsRepository } from '@/lib/storage';

export const DEVICE_ID_KEY = 'coach.deviceId';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 32;
// The API accepts 16-64 letters, digits, "-" or "_"; anything else stored is replaced.
const VALID = /^[A-Za-z0-9_-]{16,64}$/;

function randomIndexes(count: number): number[] {
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues) {
    return Array.from(crypto.getRandomValues(new Uint8Array(count)), (byte) => byte % 62);
  }
  // Hermes may lack Web Crypto; the id only keys the API's rate limits, it is no secret.
  return Array.from({ length: count }, () => Math.floor(Math.random() * 62));
}

/** A fresh random id: 32 characters of [A-Za-z0-9], about 190 bits. */
export function newDeviceId(): string {
  return randomIndexes(LENGTH)
    .map((index) => ALPHABET[index])
    .join('');
}

const pending = new WeakMap<SettingsRepository, Promise<string>>();

/**
 * This install's random id, made once and kept in the device's settings so the API's
 * per-device limits see one device. It identifies no person and is never tied to one.
 */
export function deviceId(settings: SettingsRepository): Promise<string> {
  let id = pending.get(settings);
  if (id === undefined) {
    id = (async () => {
      const stored = await settings.get<unknown>(DEVICE_ID_KEY, null);
      if (typeof stored === 'string' && VALID.test(stored)) return stored;
      const created = newDeviceId();
      await settings.set(DEVICE_ID_KEY, created);
      return created;
    })();
    // A failed read is not remembered, so the next call tries again.
    id.catch(() => pending.delete(settings));
    pending.set(settings, id);
  }
  return id;
}
