/** Web: the reminder scheduling code arrives in its own chunk, after the first screen. */
export async function loadScheduling() {
  const [reminders, syncNow] = await Promise.all([import('./reminders'), import('./sync-now')]);
  return { ...reminders, ...syncNow };
}
