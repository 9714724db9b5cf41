/**
 * Where the coach API lives on a phone: set at build time (EXPO_PUBLIC_API_URL, read
 * literally so Expo inlines it). Without one the app has no server and the scripted coach
 * on the device does everything.
 */
export function apiBaseUrl(): string | null {
  const url = process.env.EXPO_PUBLIC_API_URL?.trim();
  return url ? url.replace(/\/+$/, '') : null;
}
