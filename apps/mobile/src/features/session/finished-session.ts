import type { SessionRecord } from '@exhale/core';

export interface FinishedSession {
  status: SessionRecord['status'];
  activeMs: number;
  breathsCompleted: number;
  totalBreaths: number;
  /** The stored record, or the one that could not be stored (null if none was built). */
  record: SessionRecord | null;
  saved: boolean;
}

let latest: FinishedSession | null = null;

/**
 * Hands the session that just ended to the completion screen. It lives in memory only:
 * the record itself is already in storage, and a reloaded completion page goes home,
 * where the history shows it.
 */
export const finishedSession = {
  set(session: FinishedSession) {
    latest = session;
  },
  get(): FinishedSession | null {
    return latest;
  },
};
