import type { SessionPlan, SessionRecord } from '@exhale/core';
import { useCallback, useEffect, useRef } from 'react';

import { useStorage, useStorageError } from '@/lib/storage';

import { buildSessionRecord } from './session-record';
import type { SessionOutcome } from './use-breathing-session';

export type SaveResult =
  { saved: true; record: SessionRecord } | { saved: false; record: SessionRecord | null };

interface PendingWrite {
  record: SessionRecord;
  resolve: (result: SaveResult) => void;
  started: boolean;
}

/**
 * Writes a finished session to storage. `record` resolves once the write has landed (or
 * failed), waiting for the database if it is still opening, so the caller can navigate
 * only after the session is safely stored.
 */
export function useSessionRecorder(plan: SessionPlan) {
  const storage = useStorage();
  const storageError = useStorageError();
  const pending = useRef<PendingWrite | null>(null);

  const flush = useCallback(() => {
    const write = pending.current;
    if (write === null || write.started) return;
    if (storageError !== null) {
      pending.current = null;
      write.resolve({ saved: false, record: write.record });
      return;
    }
    if (storage === null) return;
    write.started = true;
    storage.sessions.add(write.record).then(
      () => write.resolve({ saved: true, record: write.record }),
      (error: unknown) => {
        console.warn('Could not save the session', error);
        write.resolve({ saved: false, record: write.record });
      },
    );
    pending.current = null;
  }, [storage, storageError]);

  useEffect(flush, [flush]);

  const record = useCallback(
    (outcome: SessionOutcome, calmBefore: number | null = null): Promise<SaveResult> => {
      let built: SessionRecord;
      try {
        built = buildSessionRecord(plan, outcome);
        // Rated before the clock started; skipped ratings are simply absent.
        if (calmBefore !== null) built = { ...built, calmBefore };
      } catch (error) {
        console.warn('Could not build the session record', error);
        return Promise.resolve({ saved: false, record: null });
      }
      return new Promise((resolve) => {
        pending.current = { record: built, resolve, started: false };
        flush();
      });
    },
    [plan, flush],
  );

  return { record };
}
