/**
 * On the web the API serves the app itself, so it is the page's own origin (null while
 * rendering statically, where there is no page).
 */
export function apiBaseUrl(): string | null {
  return typeof window === 'undefined' ? null : window.location.origin;
}
