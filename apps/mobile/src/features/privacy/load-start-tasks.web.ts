/** Web: start-up housekeeping arrives in its own chunk; nothing on the first screen needs it. */
export function loadStartTasks() {
  return import('./start-tasks');
}
