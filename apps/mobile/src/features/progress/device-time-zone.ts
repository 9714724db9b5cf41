/**
 * The zone the device is in now, as an IANA name. Hermes and browsers both answer through
 * Intl; 'UTC' stands in when a runtime gives nothing usable, so progress still renders.
 */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
