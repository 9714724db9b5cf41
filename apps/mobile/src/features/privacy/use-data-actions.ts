import { useCallback, useEffect, useState } from 'react';

import { analytics } from '@/features/analytics/analytics';
import { countBucket } from '@/features/analytics/count-bucket';
import { deviceTimeZone } from '@/features/progress/device-time-zone';
import { loadProgressRuntime } from '@/features/progress/load-runtime';
import { plural } from '@/features/progress/format';
import { ImportRejectedError, useStorage, type ImportSummary } from '@/lib/storage';

import { pickImportFile, saveExportFile } from './data-file';
import { RETENTION_KEY } from './retention-choices';
import type { RetentionPolicy } from '@exhale/core/progress';

export type ActionState =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/** e.g. exhale-export-2026-11-25.json */
export function exportFileName(day: string): string {
  return `exhale-export-${day}.json`;
}

export function importSummaryText(summary: ImportSummary): string {
  const parts = [
    `${plural(summary.sessionsAdded, 'session')} added`,
    ...(summary.sessionsAlreadyHere > 0
      ? [`${summary.sessionsAlreadyHere} already on this device`]
      : []),
    ...(summary.badgesAdded > 0 ? [plural(summary.badgesAdded, 'badge') + ' restored'] : []),
    ...(summary.profileRestored ? ['your profile restored'] : []),
  ];
  return `Import complete: ${parts.join(', ')}.`;
}

async function syncReminders(storage: NonNullable<ReturnType<typeof useStorage>>) {
  const { syncRemindersNow } = await loadProgressRuntime();
  await syncRemindersNow(storage);
}

/** Settings → Privacy: each action reports in words what happened or what went wrong. */
export function useDataActions() {
  const storage = useStorage();
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  const [analyticsOn, setAnalyticsOn] = useState<boolean | null>(null);
  const [retention, setRetentionState] = useState<RetentionPolicy | null>(null);

  useEffect(() => {
    if (!storage) return;
    let current = true;
    void Promise.all([
      storage.settings.get<boolean>('privacy.analytics', false),
      loadProgressRuntime().then(({ readRetention }) => readRetention(storage)),
    ]).then(([on, policy]) => {
      if (!current) return;
      setAnalyticsOn(on);
      setRetentionState(policy);
    });
    return () => {
      current = false;
    };
  }, [storage]);

  const run = useCallback(
    async (what: string, task: () => Promise<string | null>, failure: string) => {
      setState({ kind: 'working', what });
      try {
        const message = await task();
        setState(message === null ? { kind: 'idle' } : { kind: 'done', message });
      } catch (error) {
        if (error instanceof ImportRejectedError) {
          setState({ kind: 'failed', message: error.message });
          return;
        }
        console.warn(failure, error);
        const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
        setState({ kind: 'failed', message: `${failure}${reason}` });
      }
    },
    [],
  );

  if (!storage) {
    return { ready: false as const, state, analyticsOn, retention };
  }

  return {
    ready: true as const,
    state,
    analyticsOn,
    retention,
    exportData: () =>
      run(
        'Preparing your export…',
        async () => {
          const file = await storage.data.exportAll();
          const { localDay } = await loadProgressRuntime();
          const today = localDay(Date.now(), deviceTimeZone());
          await saveExportFile(exportFileName(today), JSON.stringify(file, null, 2));
          analytics.track({
            name: 'data_exported',
            properties: { sessions: countBucket(file.sessions.length) },
          });
          return `Exported ${plural(file.sessions.length, 'session')} and ${plural(file.badges.length, 'badge')} to ${exportFileName(today)}.`;
        },
        'Your data could not be exported.',
      ),
    importData: () =>
      run(
        'Reading the file…',
        async () => {
          const picked = await pickImportFile();
          if (picked.kind === 'cancelled') return null;
          const summary = await storage.data.importFile(picked.text);
          await syncReminders(storage);
          analytics.track({
            name: 'data_imported',
            properties: { sessions_added: countBucket(summary.sessionsAdded) },
          });
          return importSummaryText(summary);
        },
        'The file could not be imported. Nothing on this device was changed.',
      ),
    deleteAll: () =>
      run(
        'Deleting…',
        async () => {
          analytics.track({ name: 'data_deleted', properties: {} });
          await analytics.forget();
          await storage.data.deleteAll();
          await syncReminders(storage);
          setAnalyticsOn(false);
          setRetentionState('forever');
          return 'Everything Exhale kept on this device has been deleted.';
        },
        'Your data could not be deleted. Please try again.',
      ),
    setAnalytics: (on: boolean) =>
      run(
        on ? 'Turning analytics on…' : 'Turning analytics off…',
        async () => {
          await analytics.setConsent(storage.settings, on);
          setAnalyticsOn(on);
          return null;
        },
        'Your analytics choice could not be saved.',
      ),
    setRetention: (policy: RetentionPolicy) =>
      run(
        'Applying…',
        async () => {
          await storage.settings.set(RETENTION_KEY, policy);
          setRetentionState(policy);
          const { applyRetention } = await loadProgressRuntime();
          const removed = await applyRetention(storage, Date.now());
          analytics.track({ name: 'retention_changed', properties: { policy } });
          if (removed > 0) await syncReminders(storage);
          return policy === 'forever'
            ? 'Sessions will be kept until you delete them.'
            : `${plural(removed, 'older session')} removed. Your badges stay.`;
        },
        'Your retention choice could not be saved.',
      ),
  };
}
