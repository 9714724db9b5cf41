import type { EarnedBadge } from '@exhale/core/progress';

import type { ExportFile, ImportSummary } from './export-format';
import type { ProgressHistory } from './progress-history';

export interface BadgesRepository {
  /** Every earned badge, oldest first. */
  list(): Promise<EarnedBadge[]>;
  /**
   * Stores the badges not stored yet, atomically, and returns just those: a badge
   * already stored keeps its first date and is not returned again.
   * @throws InvalidBadgeError (nothing written) when one is malformed.
   */
  award(badges: readonly EarnedBadge[]): Promise<EarnedBadge[]>;
}

/** The whole device's data at once: export, import, delete, retention. */
export interface DataRepository {
  /** Profile, settings, every session (ratings and notes included) and badges. */
  exportAll(): Promise<ExportFile>;
  /**
   * Merges an export's text into the device in one transaction: sessions by id without
   * duplicates, badges once, the newer profile, settings not chosen here yet.
   * @throws ImportRejectedError, with a message for the person, and nothing changed.
   */
  importFile(text: string): Promise<ImportSummary>;
  /** Removes the profile, settings, sessions and badges from this device. */
  deleteAll(): Promise<void>;
  /**
   * Removes the sessions that started before `cutoffMs` (core's retentionCutoff for the
   * person's policy); badges stay.
   * @returns how many sessions were removed.
   */
  deleteSessionsBefore(cutoffMs: number): Promise<number>;
}

export type { ExportFile, ImportSummary, ProgressHistory };
