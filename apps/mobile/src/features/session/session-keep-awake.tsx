import { useKeepAwake } from 'expo-keep-awake';

/**
 * Keeps the screen on while mounted. Browsers may refuse the wake lock (no permission,
 * insecure origin); that only means the screen can dim, so the refusal is not reported.
 */
export function SessionKeepAwake() {
  useKeepAwake('exhale-session', { suppressDeactivateWarnings: true });
  return null;
}
